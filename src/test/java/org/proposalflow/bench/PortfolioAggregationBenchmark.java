package org.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proposalflow.portfolio.Portfolio;
import org.proposalflow.portfolio.PortfolioFilter;
import org.proposalflow.portfolio.PortfolioService;
import org.proposalflow.proposal.Cluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portfolio at 1,000, 10,000 and 100,000 proposals: the application's SQL aggregation
 * ({@link PortfolioService}) against the naive way (every historic process instance from the
 * HistoryService, then each one's variables), side by side on the same data. Latency p50/p95 and
 * the heap allocated per call. It fails only if the two ways disagree on the figures. The data: ten
 * years of ideas, those whose call is still open in preparation, older ones decided.
 * Run with {@code mvn -Pbench verify}; sizes with {@code -Dpf.bench.portfolio.sizes=1000,10000}.
 */
@Tag("benchmark")
// each benchmark closes its engine: two Spring contexts with an engine "default" cannot live in one JVM
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest
@ActiveProfiles("test")
class PortfolioAggregationBenchmark {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.forBenchmark(registry, "portfolio");
  }

  private static final String[] PREPARING = {"SCREENING", "PARTNER_SEARCH", "DRAFTING", "FINAL_APPROVAL", "SUBMISSION"};
  private static final String[] DECIDED = {"FUNDED", "FUNDED", "NOT_FUNDED", "NOT_FUNDED", "NOT_FUNDED", "WITHDRAWN",
      "DECLINED"};
  private static final Instant NOW = Instant.now();
  /**
   * Twenty calls at 10,000 proposals leave H2's code for the ordered index read half compiled (about
   * twice as slow as after a few hundred calls): the fast way warms up for this long.
   */
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final String[] PROGRAMMES = {"horizonEurope", "interregAurora", "interregNpa", "erasmusPlus", "life"};
  private static final PortfolioFilter EVERYTHING = new PortfolioFilter(LocalDate.of(2000, 1, 1),
      LocalDate.of(2100, 1, 1), null, null);

  @Autowired
  private PortfolioService portfolio;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private TransactionTemplate transaction;
  @Value("${spring.datasource.url}")
  private String databaseUrl;
  @Value("${pf.bench.portfolio.sizes:1000,10000,100000}")
  private String sizes;

  private final Random random = new Random(2026);
  private int created;

  @Test
  void portfolioAggregationAgainstTheNaiveWay() throws Exception {
    repositoryService.createDeployment().name("portfolio benchmark")
        .addModelInstance("bench-proposal.bpmn", Bpmn.createExecutableProcess("bench-proposal")
            .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy();
    String database = databaseUrl.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2";
    long before = jdbc.queryForObject("select count(*) from proposal", Long.class);
    for (String size : sizes.split(",")) {
      int proposals = Integer.parseInt(size.trim());
      grow(proposals);
      DatabaseUpkeep.likeAutovacuum(jdbc.getDataSource());
      Naive.Figures naiveFigures = naive();
      Portfolio.Figures sql = portfolio.portfolio(EVERYTHING).total();
      assertThat(sql.launched()).isEqualTo(before + proposals);
      assertThat(naiveFigures.launched()).isEqualTo(proposals);
      assertThat(naiveFigures.funded()).as("both ways count the same").isEqualTo(sql.funded() - fundedBefore(before));

      // one proposal changes before each call, as they do all day: otherwise H2 would answer the
      // repeated query from its result cache
      Runnable change = () -> jdbc.update("update proposal set updated_at = ? where reference = ?",
          OffsetDateTime.now(ZoneOffset.UTC), "PF-B000000");
      Measured fast = measure(20, WARM_UP, 50, change, () -> portfolio.portfolio(EVERYTHING));
      int naiveRuns = proposals >= 100_000 ? 1 : proposals >= 10_000 ? 3 : 10;
      Measured slow = measure(proposals >= 100_000 ? 0 : 1, Duration.ZERO, naiveRuns, change, this::naive);
      double speedUp = slow.p50() / fast.p50();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("proposals", proposals);
      figures.put("sqlP50Ms", BenchReport.round(fast.p50()));
      figures.put("sqlP95Ms", BenchReport.round(fast.p95()));
      figures.put("sqlAllocatedMiBPerCall", BenchReport.round(fast.allocatedMiB()));
      figures.put("naiveP50Ms", BenchReport.round(slow.p50()));
      figures.put("naiveP95Ms", BenchReport.round(slow.p95()));
      figures.put("naiveRuns", naiveRuns);
      figures.put("naiveAllocatedMiBPerCall", BenchReport.round(slow.allocatedMiB()));
      figures.put("speedUp", BenchReport.round(speedUp));
      BenchReport.write("portfolio aggregation", database, figures, String.format(java.util.Locale.ROOT,
          "%,d proposals: SQL p50 %.1f ms, p95 %.1f ms, %.1f MiB allocated per call; naive (%d runs) p50 %.0f ms, "
              + "p95 %.0f ms, %.0f MiB per call; SQL %.0f times faster",
          proposals, fast.p50(), fast.p95(), fast.allocatedMiB(), naiveRuns, slow.p50(), slow.p95(),
          slow.allocatedMiB(), speedUp));
    }
  }

  /** Adds proposals until there are {@code target} of this run: a history per proposal and its record. */
  private void grow(int target) {
    while (created < target) {
      int batch = Math.min(500, target - created);
      transaction.executeWithoutResult(status -> {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          rows.add(proposal(created + i));
        }
        jdbc.batchUpdate("insert into proposal (reference, process_instance_id, title, acronym, cluster, summary, "
            + "programme, call_identifier, call_deadline, estimated_budget, regional_share, lead_organisation, "
            + "contact_person, stage, created_at, updated_at, screened_at, submitted_at, requested_budget, "
            + "granted_amount, granted_regional_share) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows);
      });
      created += batch;
    }
  }

  private Object[] proposal(int number) {
    Cluster cluster = Cluster.values()[random.nextInt(Cluster.values().length)];
    String programme = PROGRAMMES[random.nextInt(PROGRAMMES.length)];
    // ten years of ideas: those whose call is still open are being prepared, the ones whose
    // evaluation is still running await the outcome, older ones are decided
    Instant launched = NOW.minusSeconds(random.nextInt(3650 * 86_400));
    Instant deadline = launched.plusSeconds(120 * 86_400L);
    String stage = deadline.isAfter(NOW) ? PREPARING[random.nextInt(PREPARING.length)]
        : deadline.plusSeconds(150 * 86_400L).isAfter(NOW) ? "AWAITING_OUTCOME" : DECIDED[random.nextInt(DECIDED.length)];
    boolean screened = !stage.equals("SCREENING");
    boolean submitted = List.of("AWAITING_OUTCOME", "FUNDED", "NOT_FUNDED").contains(stage);
    boolean funded = stage.equals("FUNDED");
    BigDecimal requested = submitted ? BigDecimal.valueOf(500_000 + random.nextInt(3_000_000)) : null;
    BigDecimal granted = funded ? requested.multiply(new BigDecimal("0.9")) : null;
    BigDecimal regional = funded ? BigDecimal.valueOf(100_000 + random.nextInt(400_000)) : null;
    Map<String, Object> variables = new HashMap<>();
    variables.put("cluster", cluster.code());
    variables.put("programme", programme);
    variables.put("stage", stage);
    variables.put("launchedAt", Date.from(launched));
    variables.put("screened", screened);
    variables.put("submitted", submitted);
    variables.put("requestedBudget", requested == null ? null : requested.doubleValue());
    variables.put("grantedAmount", granted == null ? null : granted.doubleValue());
    variables.put("grantedRegionalShare", regional == null ? null : regional.doubleValue());
    String reference = String.format("PF-B%06d", number);
    String instanceId = runtimeService.startProcessInstanceByKey("bench-proposal", reference, variables).getId();
    OffsetDateTime at = launched.atOffset(ZoneOffset.UTC);
    return new Object[] {reference, instanceId, "Benchmark proposal " + number, "B" + number, cluster.code(), "-",
        programme, "CALL-" + number, deadline.atOffset(ZoneOffset.UTC), BigDecimal.valueOf(1_000_000),
        BigDecimal.valueOf(200_000), cluster.coordinator(), "-", stage, at, at.plusDays(random.nextInt(30)),
        screened ? at.plusDays(5) : null,
        submitted ? at.plusDays(118) : null, requested, granted, regional};
  }

  private long fundedBefore(long before) {
    return before == 0 ? 0 : jdbc.queryForObject(
        "select count(*) from proposal where reference not like 'PF-B%' and stage in ('FUNDED', 'GRANT_PREPARATION')",
        Long.class);
  }

  /** The naive way: every proposal's history, then each one's variables, counted in Java. */
  private Naive.Figures naive() {
    Naive naive = new Naive();
    for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("bench-proposal").list()) {
      Map<String, Object> variables = new HashMap<>();
      for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).list()) {
        variables.put(variable.getName(), variable.getValue());
      }
      naive.add(variables);
    }
    return naive.figures();
  }

  /** What the naive way computes: the headline figures, per cluster and funded per programme. */
  static final class Naive {
    record Figures(long launched, long submitted, long funded, double regional, Map<String, Long> byCluster,
        Map<String, Long> fundedByProgramme) {
    }

    private long launched;
    private long submitted;
    private long funded;
    private double regional;
    private final Map<String, Long> byCluster = new HashMap<>();
    private final Map<String, Long> fundedByProgramme = new HashMap<>();

    void add(Map<String, Object> variables) {
      launched++;
      byCluster.merge((String) variables.get("cluster"), 1L, Long::sum);
      if (Boolean.TRUE.equals(variables.get("submitted"))) {
        submitted++;
      }
      if ("FUNDED".equals(variables.get("stage"))) {
        funded++;
        regional += (Double) variables.get("grantedRegionalShare");
        fundedByProgramme.merge((String) variables.get("programme"), 1L, Long::sum);
      }
    }

    Figures figures() {
      return new Figures(launched, submitted, funded, regional, byCluster, fundedByProgramme);
    }
  }

  record Measured(double p50, double p95, double allocatedMiB) {
  }

  /** Warms up with at least {@code warmUpCalls} calls that take at least {@code warmUpTime}, then measures. */
  private static Measured measure(int warmUpCalls, Duration warmUpTime, int runs, Runnable before, Supplier<?> call) {
    long warmUpEnd = System.nanoTime() + warmUpTime.toNanos();
    for (int i = 0; i < warmUpCalls || System.nanoTime() < warmUpEnd; i++) {
      before.run();
      call.get();
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    double[] millis = new double[runs];
    double[] allocated = new double[runs];
    for (int i = 0; i < runs; i++) {
      before.run();
      long bytes = threads.getThreadAllocatedBytes(thread);
      long start = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
      allocated[i] = (threads.getThreadAllocatedBytes(thread) - bytes) / (1024.0 * 1024.0);
    }
    return new Measured(BenchReport.median(millis), BenchReport.percentile(millis, 0.95), BenchReport.median(allocated));
  }

}
