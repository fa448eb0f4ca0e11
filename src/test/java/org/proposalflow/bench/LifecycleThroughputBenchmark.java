package org.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.drafting.ProgrammeRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Complete proposal lifecycles per second, idea to funded, every user task completed through the
 * engine API with the variables Tasklist would send, full history: the application (listeners,
 * records, authorizations, e-mails recorded in the outbox, reminder plan) against its bare twin (the
 * same models without the application, see {@link BareTwin}) on a plain engine with the same
 * database kind. The two take turns lifecycle by lifecycle. Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
// each benchmark closes its engine: two Spring contexts with an engine "default" cannot live in one JVM
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest
@ActiveProfiles("test")
class LifecycleThroughputBenchmark {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.forBenchmark(registry, "lifecycle");
  }

  private static final int WARM_UP = 10;
  /**
   * Runs of both engines taking turns: the machine's speed drifts over minutes (by a third between runs
   * here), so the ratio is taken within each run and the runs' median reported.
   */
  private static final int RUNS = 6;

  @Autowired
  private ProcessEngine ours;
  @Autowired
  private ProgrammeRules rules;
  @Autowired
  private DataSource database;
  @Value("${spring.datasource.url}")
  private String databaseUrl;
  @Value("${spring.datasource.username:sa}")
  private String databaseUser;
  @Value("${spring.datasource.password:}")
  private String databasePassword;
  @Value("${pf.bench.lifecycles:25}")
  private int lifecycles;
  /**
   * Finished proposals in the database before each measurement (growth): the first level through the
   * processes, the higher ones as copies of those ({@link FinishedProposalCopies}).
   */
  @Value("${pf.bench.lifecycle.levels:1000,10000}")
  private String levels;
  /**
   * Finished proposals the bare twin's copies stop at (0: every level, as ours; the first level, run
   * through the processes, is never capped). Ours and
   * the bare twin's both at 100,000 need more disk than many machines have; capped, the bare twin is
   * measured next to ours at every level all the same, on its largest database.
   */
  @Value("${pf.bench.lifecycle.bareUpTo:0}")
  private long bareUpTo;
  /**
   * Proposals left running in both databases throughout, waiting for their partners' answers: the
   * runtime tables of an installation in use are never empty, and their statistics must say so.
   */
  @Value("${pf.bench.lifecycle.running:200}")
  private int running;
  /**
   * A flight recording of the measured pairs alone, to target/bench/lifecycle-&lt;level&gt;.jfr (JFR's
   * "profile" settings; give the JVM {@code -XX:FlightRecorderOptions:stackdepth=1024} too).
   */
  @Value("${pf.bench.lifecycle.record:false}")
  private boolean record;

  private int started;
  /** The people working on the tasks, as logged in to Tasklist. */
  private final Map<String, Authentication> people = new HashMap<>();
  /** The drafting forms as our engine last offered them; the bare twin's people fill in the same rows. */
  private final Map<String, Object> offered = new HashMap<>();
  private final StepProfile steps = new StepProfile();

  @Test
  void lifecyclesPerSecondAgainstTheBareEngine() throws Exception {
    ProcessEngine bare = bareEngine();
    DataSource bareDatabase = ((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration()).getDataSource();
    try {
      deployBareTwins(bare);
      leaveRunning(ours, false);
      leaveRunning(bare, true);
      Map<String, Long> oursBefore = rowCounts(database);
      Map<String, Long> bareBefore = rowCounts(bareDatabase);
      run(ours, false, WARM_UP);
      run(bare, true, WARM_UP);
      assertCopiesWouldCover(database, oursBefore);
      assertCopiesWouldCover(bareDatabase, bareBefore);
      Level first = null;
      for (String level : levels.split(",")) {
        int proposals = Integer.parseInt(level.trim());
        Map<String, Object> filling = new LinkedHashMap<>();
        if (first == null) {
          // the first level through the processes themselves, the higher ones as copies of those
          long start = System.nanoTime();
          run(ours, false, (int) Math.max(0, proposals - finished(ours, false)));
          run(bare, true, (int) Math.max(0, proposals - finished(bare, true)));
          filling.put("filledBy", "lifecycles");
          filling.put("fillSeconds", BenchReport.round((System.nanoTime() - start) / 1e9));
        } else {
          filling.put("filledBy", "copies");
          filling.putAll(growByCopies(ours, false, database, proposals, "ours"));
          long bareProposals = bareUpTo > 0 ? Math.min(proposals, bareUpTo) : proposals;
          filling.putAll(growByCopies(bare, true, bareDatabase, bareProposals, "bare"));
        }
        DatabaseUpkeep.likeAutovacuum(database);
        DatabaseUpkeep.likeAutovacuum(bareDatabase);
        Level measured = measure(bare, bareDatabase, finished(ours, false), filling, first);
        first = first == null ? measured : first;
      }
    } finally {
      bare.close();
    }
  }

  /** Ms per lifecycle at one level, ours and the bare twin's. */
  private record Level(double oursMs, double bareMs) {
  }

  /** Copies the engine's finished proposals up to that many, checks the copies, returns what it took. */
  private Map<String, Object> growByCopies(ProcessEngine engine, boolean isBare, DataSource dataSource, long target,
      String whose) throws Exception {
    FinishedProposalCopies copies = new FinishedProposalCopies(lifecycleKey(isBare));
    long bytesBefore = databaseBytes(dataSource);
    long proposalsBefore = finished(engine, isBare);
    if (proposalsBefore >= target) {
      // a database kept from an earlier run may hold them already
      return Map.of(whose + "RowsCopied", 0);
    }
    FinishedProposalCopies.Grown grown;
    double seconds;
    try (Connection connection = dataSource.getConnection()) {
      long start = System.nanoTime();
      grown = copies.growTo(connection, target);
      seconds = (System.nanoTime() - start) / 1e9;
      assertThat(finished(engine, isBare)).as("finished %s after copying", whose).isEqualTo(target);
      assertCopyLikeOriginal(engine, dataSource, copies.originals(connection).get(0));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put(whose + "RowsCopied", grown.rows());
    figures.put(whose + "CopySeconds", BenchReport.round(seconds));
    figures.put(whose + "RowsPerSecond", Math.round(grown.rows() / seconds));
    figures.put(whose + "SecondsPer1000Copies", BenchReport.round(seconds * 1000 / (target - proposalsBefore)));
    if (grown.indexesRebuilt() > 0) {
      // included in the copy's seconds
      figures.put(whose + "IndexesRebuilt", grown.indexesRebuilt());
      figures.put(whose + "IndexRebuildSeconds", BenchReport.round(grown.rebuildSeconds()));
    }
    if (bytesBefore > 0) {
      figures.put(whose + "KiBPerProposal", (databaseBytes(dataSource) - bytesBefore) / 1024 / (target - proposalsBefore));
    } else {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      figures.put("heapUsedMiBAfterCopying", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }
    return figures;
  }

  /** The first copy of a finished proposal: the same history, variables, grants and records under other ids. */
  private static void assertCopyLikeOriginal(ProcessEngine engine, DataSource dataSource, String original) {
    String copy = FinishedProposalCopies.copyOf(original, 1);
    HistoryService history = engine.getHistoryService();
    HistoricProcessInstance originalInstance = history.createHistoricProcessInstanceQuery().processInstanceId(original)
        .singleResult();
    HistoricProcessInstance copyInstance = history.createHistoricProcessInstanceQuery().processInstanceId(copy)
        .singleResult();
    assertThat(copyInstance).as("copy %s", copy).isNotNull();
    assertThat(copyInstance.getEndTime()).isEqualTo(originalInstance.getEndTime());
    assertThat(copyInstance.getSuperProcessInstanceId()).isNull();
    assertThat(copyInstance.getBusinessKey()).isEqualTo(FinishedProposalCopies.copyOf(originalInstance.getBusinessKey(), 1));
    List<HistoricProcessInstance> originalCalled = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(original).list();
    assertThat(originalCalled).as("instances called by %s", original).isNotEmpty();
    for (HistoricProcessInstance called : originalCalled) {
      assertSameHistory(engine, called.getId(), FinishedProposalCopies.copyOf(called.getId(), 1));
    }
    assertSameHistory(engine, original, copy);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    if (!lifecycleKey(true).equals(originalInstance.getProcessDefinitionKey())) {
      for (String table : List.of("proposal", "proposal_partner", "drafting_section", "drafting_budget_line",
          "consortium_status", "notification")) {
        String sql = "select count(*) from " + table + " where reference = ?";
        assertThat(jdbc.queryForObject(sql, Long.class, copyInstance.getBusinessKey())).as("%s of %s", table, copy)
            .isEqualTo(jdbc.queryForObject(sql, Long.class, originalInstance.getBusinessKey())).isPositive();
      }
    }
  }

  private static void assertSameHistory(ProcessEngine engine, String original, String copy) {
    HistoryService history = engine.getHistoryService();
    assertThat(activities(history, copy)).as("activities of %s", copy).isEqualTo(activities(history, original))
        .isNotEmpty();
    assertThat(tasks(history, copy)).as("tasks of %s", copy).isEqualTo(tasks(history, original));
    assertThat(variables(history, copy)).as("variables of %s", copy).isEqualTo(variables(history, original))
        .isNotEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(copy).list())
        .allSatisfy(activity -> assertThat(activity.getId()).endsWith("-x1"));
    AuthorizationService authorizations = engine.getAuthorizationService();
    assertThat(authorizations.createAuthorizationQuery().resourceId(copy).count()).as("grants on %s", copy)
        .isEqualTo(authorizations.createAuthorizationQuery().resourceId(original).count());
  }

  private static List<String> activities(HistoryService history, String instance) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
        .map(activity -> activity.getActivityId() + " " + activity.getActivityType()).sorted().toList();
  }

  private static List<String> tasks(HistoryService history, String instance) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
        .map(task -> task.getTaskDefinitionKey() + " " + task.getAssignee()).sorted().toList();
  }

  /** Names and values, object values as stored (read from their byte arrays). */
  private static List<String> variables(HistoryService history, String instance) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(instance).disableCustomObjectDeserialization()
        .list().stream().map(variable -> variable.getName() + "=" + (variable.getTypedValue() instanceof
            SerializableValue value ? value.getValueSerialized() : variable.getValue())).sorted().toList();
  }

  private static void assertCopiesWouldCover(DataSource dataSource, Map<String, Long> before) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      FinishedProposalCopies.assertCovers(connection, before, FinishedProposalCopies.rowCounts(connection));
    }
  }

  private static Map<String, Long> rowCounts(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return FinishedProposalCopies.rowCounts(connection);
    }
  }

  /** The PostgreSQL database's size on disk; 0 on H2. */
  private static long databaseBytes(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        return 0;
      }
      return new JdbcTemplate(new SingleConnectionDataSource(connection, true))
          .queryForObject("select pg_database_size(current_database())", Long.class);
    }
  }

  private static String lifecycleKey(boolean isBare) {
    return (isBare ? BareTwin.PREFIX : "") + "proposal-lifecycle";
  }

  private Level measure(ProcessEngine bare, DataSource bareDatabase, long proposals, Map<String, Object> filling,
      Level first) throws Exception {
    double[] oursPerSecond = new double[RUNS];
    double[] barePerSecond = new double[RUNS];
    double[] overheads = new double[RUNS];
    long bareProposals = finished(bare, true);
    StatementProfile statements = StatementProfile.start(database);
    steps.clear();
    Recording recording = record ? new Recording(Configuration.getConfiguration("profile")) : null;
    if (recording != null) {
      Path file = Path.of("target", "bench", "lifecycle-" + proposals + ".jfr");
      Files.createDirectories(file.getParent());
      recording.setDestination(file);
      recording.start();
    }
    for (int i = 0; i < RUNS; i++) {
      // who goes first alternates, so a steady drift favours neither
      Turns turns = runInTurns(bare, lifecycles, i % 2 == 1);
      oursPerSecond[i] = turns.oursPerSecond();
      barePerSecond[i] = turns.barePerSecond();
      overheads[i] = barePerSecond[i] / oursPerSecond[i];
    }
    if (recording != null) {
      recording.stop();
      recording.close();
    }
    statements.write(proposals, RUNS * lifecycles);
    steps.write(proposals, RUNS * lifecycles);
    VariableProfile.write(proposals, VariableProfile.ofLastLifecycle(database, lifecycleKey(false)),
        VariableProfile.ofLastLifecycle(bareDatabase, lifecycleKey(true)));
    double oursMedian = BenchReport.median(oursPerSecond);
    double bareMedian = BenchReport.median(barePerSecond);
    double overhead = BenchReport.median(overheads);
    Level level = new Level(1000 / oursMedian, 1000 / bareMedian);
    Level base = first == null ? level : first;
    double oursGrowth = level.oursMs() / base.oursMs();
    double bareGrowth = level.bareMs() / base.bareMs();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("proposalsInDatabase", proposals);
    figures.put("bareProposalsInDatabase", bareProposals);
    figures.putAll(filling);
    figures.put("runningProposals", running);
    figures.put("lifecyclesPerRun", lifecycles);
    figures.put("oursPerSecondMedian", BenchReport.round(oursMedian));
    figures.put("oursPerSecondMin", BenchReport.round(BenchReport.min(oursPerSecond)));
    figures.put("oursPerSecondMax", BenchReport.round(BenchReport.max(oursPerSecond)));
    figures.put("oursMsPerLifecycle", BenchReport.round(level.oursMs()));
    figures.put("barePerSecondMedian", BenchReport.round(bareMedian));
    figures.put("bareMsPerLifecycle", BenchReport.round(level.bareMs()));
    figures.put("overhead", Math.round(overhead * 100) / 100.0);
    figures.put("overheadMin", Math.round(BenchReport.min(overheads) * 100) / 100.0);
    figures.put("overheadMax", Math.round(BenchReport.max(overheads) * 100) / 100.0);
    figures.put("oursGrowth", Math.round(oursGrowth * 100) / 100.0);
    figures.put("bareGrowth", Math.round(bareGrowth * 100) / 100.0);
    // user tasks: 12 once per lifecycle, one "Write section" per section
    BenchReport.write("lifecycle throughput", database(), figures, String.format(Locale.ROOT,
        "%,d finished proposals in the database (%s%s) and %d running; idea to funded (%d user tasks), %d per run, %d runs: ours %.1f "
            + "lifecycles/s (%.1f-%.1f, %.0f ms each), bare twin %.1f/s (%.1f-%.1f, %.0f ms); ours takes %.2f times as "
            + "long (median of the %d runs in turns, %.2f-%.2f); per lifecycle against the first level: ours %.2f times, bare "
            + "%.2f times", proposals, filling.get("filledBy"),
        bareProposals == proposals ? "" : String.format(Locale.ROOT, "; the bare twin's %,d", bareProposals), running,
        12 + sectionCodes().size(), lifecycles, RUNS,
        oursMedian, BenchReport.min(oursPerSecond), BenchReport.max(oursPerSecond), level.oursMs(), bareMedian,
        BenchReport.min(barePerSecond), BenchReport.max(barePerSecond), level.bareMs(), overhead, RUNS,
        BenchReport.min(overheads), BenchReport.max(overheads), oursGrowth, bareGrowth));
    return level;
  }

  private static long finished(ProcessEngine engine, boolean isBare) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(lifecycleKey(isBare)).finished().count();
  }

  /** Starts proposals up to {@link #running} that stay open, waiting for their partners' answers. */
  private void leaveRunning(ProcessEngine engine, boolean isBare) {
    long open = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(lifecycleKey(isBare))
        .count();
    OffsetDateTime deadline = LifecycleAnswers.inDays(120);
    for (long i = open; i < running; i++) {
      buildConsortium(engine, isBare, started++, deadline);
    }
  }

  /** Lifecycles per second of each engine in one run of {@link #runInTurns}. */
  private record Turns(double oursPerSecond, double barePerSecond) {
  }

  /**
   * That many lifecycles of each engine, one of ours and one of the bare twin's in turn: the machine's
   * speed changes within seconds here, and lifecycle by lifecycle both engines meet the same machine.
   */
  private Turns runInTurns(ProcessEngine bare, int count, boolean bareFirst) {
    long oursNanos = 0;
    long bareNanos = 0;
    for (int i = 0; i < 2 * count; i++) {
      boolean isBare = (i % 2 == 0) == bareFirst;
      long start = System.nanoTime();
      lifecycle(isBare ? bare : ours, isBare, started++);
      long took = System.nanoTime() - start;
      if (isBare) {
        bareNanos += took;
      } else {
        oursNanos += took;
      }
    }
    return new Turns(count / (oursNanos / 1e9), count / (bareNanos / 1e9));
  }

  /** Runs that many lifecycles one after the other; lifecycles per second. */
  private double run(ProcessEngine engine, boolean isBare, int count) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      lifecycle(engine, isBare, started++);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private void lifecycle(ProcessEngine engine, boolean isBare, int number) {
    OffsetDateTime deadline = LifecycleAnswers.inDays(90);
    String key = buildConsortium(engine, isBare, number, deadline);
    for (Task answer : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_RecordAnswer").list()) {
      work(engine, isBare, answer, "aino", LifecycleAnswers.partnerAnswer(answer.getId()));
    }
    draft(engine, isBare, key, deadline);
    for (LifecycleAnswers.Step step : LifecycleAnswers.afterDrafting(number)) {
      complete(engine, isBare, key, step);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).active().count())
        .as("%s ended", key).isZero();
  }

  /** Idea to invited partners: the proposal waits for their answers. */
  private String buildConsortium(ProcessEngine engine, boolean isBare, int number, OffsetDateTime deadline) {
    Map<String, Object> idea = withDates(LifecycleAnswers.idea(number, deadline, isBare));
    long start = System.nanoTime();
    String key = isBare
        ? engine.getRuntimeService().startProcessInstanceByKey(BareTwin.PREFIX + "proposal-lifecycle",
            LifecycleAnswers.bareBusinessKey(number), idea).getBusinessKey()
        : engine.getRuntimeService().startProcessInstanceByKey("proposal-lifecycle", idea).getBusinessKey();
    steps.add(isBare, "start", System.nanoTime() - start);
    complete(engine, isBare, key, LifecycleAnswers.screening());
    complete(engine, isBare, key, LifecycleAnswers.partnerChoice(deadline, isBare));
    return key;
  }

  /** As the demo portfolio drafts: aino plans, owns every section and budgets, helmi reviews and approves all. */
  private void draft(ProcessEngine engine, boolean isBare, String key, OffsetDateTime deadline) {
    complete(engine, isBare, key, LifecycleAnswers.sectionPlan(offered(engine, isBare, key, "Task_PlanWriting",
        "sectionPlan"), key, deadline, sectionCodes(), isBare));
    complete(engine, isBare, key, LifecycleAnswers.budget(offered(engine, isBare, key, "Task_PrepareBudget",
        "budgetLines")));
    List<Task> sections = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_WriteSection").list();
    assertThat(sections).as("%s sections to write", key).hasSize(sectionCodes().size());
    for (Task section : sections) {
      work(engine, isBare, section, "aino", LifecycleAnswers.section(key, section.getId()));
    }
    complete(engine, isBare, key, LifecycleAnswers.review(offered(engine, isBare, key, "Task_ReviewSections",
        "sectionReviews"), isBare));
  }

  /** The rows the form offers: read from our engine, the same rows again for the bare twin, which offers none. */
  private Object offered(ProcessEngine engine, boolean isBare, String key, String activityId, String variable) {
    if (!isBare) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
          .taskDefinitionKey(activityId).singleResult();
      assertThat(task).as("%s waits at %s", key, activityId).isNotNull();
      offered.put(variable, engine.getTaskService().getVariable(task.getId(), variable));
    }
    assertThat(offered.get(variable)).as("%s offered by our engine first", variable).isNotNull();
    return offered.get(variable);
  }

  /** The sections our engine plans for the benchmark's Horizon Europe proposal. */
  private List<String> sectionCodes() {
    return rules.of("horizonEurope").sections().stream().map(ProgrammeRules.Section::code).toList();
  }

  private void complete(ProcessEngine engine, boolean isBare, String key, LifecycleAnswers.Step step) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(step.activityId()).singleResult();
    assertThat(task).as("%s waits at %s", key, step.activityId()).isNotNull();
    work(engine, isBare, task, step.user(), step.variables());
  }

  /** The bare twin's dates as the engine's Java API takes them. */
  private static Map<String, Object> withDates(Map<String, Object> variables) {
    Map<String, Object> converted = new HashMap<>(variables);
    converted.replaceAll((name, value) -> value instanceof OffsetDateTime time ? Date.from(time.toInstant()) : value);
    return converted;
  }

  /**
   * As in Tasklist: the person, logged in, claims the task (unless it is theirs already) and completes
   * it. Both engines get the same calls from the same person, so both write the same operation log;
   * ours also knows their groups and clusters and checks their authorizations, the bare twin's plain
   * engine has no users and no authorization checks.
   */
  private void work(ProcessEngine engine, boolean isBare, Task task, String user, Map<String, Object> variables) {
    TaskService tasks = engine.getTaskService();
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(isBare ? new Authentication(user, List.of())
        : people.computeIfAbsent(user, id -> ProcessTestSupport.loggedIn(identity, id)));
    Map<String, Object> values = withDates(variables);
    long start = System.nanoTime();
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), values);
      steps.add(isBare, task.getTaskDefinitionKey(), System.nanoTime() - start);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void deployBareTwins(ProcessEngine bare) throws Exception {
    DeploymentBuilder deployment = bare.getRepositoryService().createDeployment().name("bare twins");
    BareTwin.ofLifecycle().forEach((file, content) -> deployment.addInputStream(file, new ByteArrayInputStream(content)));
    deployment.deploy();
  }

  /**
   * A plain engine with the engine's own defaults (ids from its database id generator: sequential
   * numbers, handed out a hundred at a time), on a database of its own of the same kind.
   */
  private ProcessEngine bareEngine() throws Exception {
    String url = OwnDatabase.nextTo(databaseUrl, databaseUser, databasePassword, "bare");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url).setJdbcUsername(databaseUser).setJdbcPassword(databasePassword)
        .setJdbcDriver(url.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .setProcessEngineName("bare-twin");
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
    configuration.setDefaultSerializationFormat("application/json");
    return configuration.buildProcessEngine();
  }

  private String database() {
    return databaseUrl.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2";
  }
}
