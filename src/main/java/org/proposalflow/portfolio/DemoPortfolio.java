package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.proposalflow.drafting.DraftingAnswers;
import org.proposalflow.notification.Notifier;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.validation.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A historic portfolio for a newcomer's first start ({@code --proposal-flow.demo.portfolio=true}):
 * 60 ideas of the last two years across the five clusters, replayed through the real processes with
 * the engine's clock set back to each step's moment. Shaped like the reference result: 42 submitted,
 * 19 funded (9 from Horizon Europe), 6 million euros to Lapland; 6 declined at screening, 4
 * withdrawn, 8 in preparation now. History is replayed without e-mails; runs only on an empty portfolio.
 */
@Component
@ConditionalOnProperty(name = "proposal-flow.demo.portfolio", havingValue = "true")
public class DemoPortfolio {

  static final int PROPOSALS = 60;
  private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);
  private static final String[] TOPICS = {
      "Mine tailings as construction material", "Heat reuse of Arctic data centres", "Reindeer herding data space",
      "Snow and ice tourism safety", "Circular textiles from forest fibre", "Remote health care in sparse regions",
      "Hydrogen valley of the Bothnian Arc", "Winter testing of autonomous vehicles", "Sami design heritage online",
      "Resilient rural broadband", "Wild berry value chains", "Arctic biodiversity monitoring",
      "Crisis preparedness of cross-border regions", "Timber construction of public buildings",
      "Digital twins of Arctic ports", "Youth entrepreneurship in the North", "Battery minerals traceability",
      "Cold climate food logistics", "Northern lights tourism carrying capacity", "Smart grids for villages"};
  private static final Map<Cluster, String[]> PEOPLE = Map.of(
      Cluster.INDUSTRY, new String[] {"aino", "eero", "helmi"},
      Cluster.RURAL, new String[] {"juho", "liisa", "oskari"},
      Cluster.DESIGN, new String[] {"saara", "tuomas", "venla"},
      Cluster.DEVELOPMENT, new String[] {"ilmari", "kerttu", "niilo"},
      Cluster.SECURITY, new String[] {"ronja", "topias", "unna"});

  /** Where a demo proposal's story ends. */
  enum Ending { DECLINED, WITHDRAWN, FUNDED, FUNDED_AFTER_RESUBMISSION, REJECTED, REJECTED_AFTER_RESUBMISSION, RESERVE,
    AWAITING_OUTCOME, SCREENING, PARTNER_SEARCH, DRAFTING, FINAL_APPROVAL }

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final JobExecutor jobExecutor;

  public DemoPortfolio(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
      JdbcTemplate jdbc, ProcessEngineConfigurationImpl engineConfiguration) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.jobExecutor = engineConfiguration.getJobExecutor();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void loadOnFirstStart() {
    Long proposals = jdbc.queryForObject("select count(*) from proposal", Long.class);
    if (proposals != null && proposals > 0) {
      log.info("Demo portfolio not loaded: there are already {} proposals", proposals);
      return;
    }
    if (identityService.createUserQuery().userId("helmi").count() == 0) {
      log.warn("Demo portfolio not loaded: it needs the demo users (proposal-flow.demo.users=true)");
      return;
    }
    log.info("Loading the demo portfolio: {} proposals through the processes...", PROPOSALS);
    List<String> references = replay();
    log.info("Demo portfolio loaded: {} ... {}", references.get(0), references.get(references.size() - 1));
  }

  /** Replays the whole demo portfolio; returns the references in the order they were launched. */
  public List<String> replay() {
    Instant now = Inputs.now();
    List<String> references = new ArrayList<>();
    // while the clock is set back, timers of the replayed history must not fire on other threads
    boolean jobsWereRunning = jobExecutor != null && jobExecutor.isActive();
    if (jobsWereRunning) {
      jobExecutor.shutdown();
    }
    try {
      Notifier.quietly(() -> {
        for (Story story : stories(now)) {
          references.add(tell(story, now));
        }
      });
    } finally {
      ClockUtil.reset();
      if (jobsWereRunning) {
        jobExecutor.start();
      }
    }
    return references;
  }

  record Story(int number, Cluster cluster, String programme, Instant launched, Ending ending, long regionalShare) {
  }

  /** 60 stories, decided ones launched first, the ones in preparation in the last weeks. */
  static List<Story> stories(Instant now) {
    List<Ending> endings = new ArrayList<>();
    add(endings, Ending.FUNDED, 18);
    add(endings, Ending.FUNDED_AFTER_RESUBMISSION, 1);
    add(endings, Ending.REJECTED, 15);
    add(endings, Ending.REJECTED_AFTER_RESUBMISSION, 2);
    add(endings, Ending.RESERVE, 3);
    add(endings, Ending.DECLINED, 6);
    add(endings, Ending.WITHDRAWN, 4);
    add(endings, Ending.AWAITING_OUTCOME, 3);
    add(endings, Ending.SCREENING, 2);
    add(endings, Ending.PARTNER_SEARCH, 2);
    add(endings, Ending.DRAFTING, 2);
    add(endings, Ending.FINAL_APPROVAL, 2);
    String[] others = {"interregAurora", "erasmusPlus", "interregNpa", "life"};
    List<Story> stories = new ArrayList<>();
    int funded = 0;
    for (int i = 0; i < endings.size(); i++) {
      Ending ending = endings.get(i);
      boolean isFunded = ending == Ending.FUNDED || ending == Ending.FUNDED_AFTER_RESUBMISSION;
      // 9 of the 19 funded from Horizon Europe, 4 x 400 000 + 5 x 500 000 to Lapland; the other 10 x 190 000
      String programme = isFunded ? (funded < 9 ? "horizonEurope" : others[funded % others.length])
          : (i % 3 == 0 ? "horizonEurope" : others[i % others.length]);
      long regional = !isFunded ? 0 : funded < 9 ? (funded % 2 == 0 ? 500_000 : 400_000) : 190_000;
      if (isFunded) {
        funded++;
      }
      stories.add(new Story(i, Cluster.values()[i % Cluster.values().length], programme, launchOf(ending, i, now),
          ending, regional));
    }
    return stories;
  }

  private static void add(List<Ending> endings, Ending ending, int count) {
    for (int i = 0; i < count; i++) {
      endings.add(ending);
    }
  }

  private static Instant launchOf(Ending ending, int i, Instant now) {
    int daysAgo = switch (ending) {
      case FUNDED_AFTER_RESUBMISSION, REJECTED_AFTER_RESUBMISSION -> 690 - i;
      case FUNDED, REJECTED, RESERVE, DECLINED, WITHDRAWN -> 640 - 7 * i;
      case AWAITING_OUTCOME -> 240 - 5 * i % 40;
      default -> 5 + 4 * (i % 10);
    };
    return now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(i % 7));
  }

  private String tell(Story story, Instant now) {
    String[] people = PEOPLE.get(story.cluster());
    String writer = people[0];
    String reviewer = people[1];
    String manager = people[2];
    String topic = TOPICS[story.number() % TOPICS.length];
    at(story.launched());
    boolean inPreparation = story.ending().ordinal() >= Ending.SCREENING.ordinal();
    Instant deadline = inPreparation ? now.plus(Duration.ofDays(18 + 9L * (story.number() % 8)))
        : story.launched().plus(Duration.ofDays(110));
    String reference = runtimeService.startProcessInstanceByKey("proposal-lifecycle",
        idea(story, topic, writer, deadline)).getBusinessKey();
    if (story.ending() == Ending.SCREENING) {
      return reference;
    }
    later(3);
    if (story.ending() == Ending.DECLINED) {
      complete(reference, "Task_ScreenIdea", manager, "screeningDecision", "nogo",
          "screeningComment", "Does not fit the cluster's smart specialisation priorities.");
      return reference;
    }
    complete(reference, "Task_ScreenIdea", manager, "screeningDecision", "go");
    if (story.ending() == Ending.PARTNER_SEARCH) {
      return reference;
    }
    later(12);
    buildConsortium(reference, writer, story.cluster());
    if (story.ending() == Ending.DRAFTING) {
      return reference;
    }
    later(20);
    if (story.ending() == Ending.WITHDRAWN) {
      runtimeService.createMessageCorrelation("WithdrawProposal").processInstanceBusinessKey(reference)
          .setVariable("withdrawReason", "The coordinating partner left the consortium.").correlate();
      return reference;
    }
    draftAndApprove(reference, writer, reviewer, manager);
    if (story.ending() == Ending.FINAL_APPROVAL) {
      return reference;
    }
    complete(reference, "Task_FinalApproval", manager, "approvalDecision", "approve");
    submit(reference, writer, deadline, story);
    if (story.ending() == Ending.AWAITING_OUTCOME) {
      return reference;
    }
    at(deadline.plus(Duration.ofDays(120)));
    switch (story.ending()) {
      case FUNDED -> fund(reference, writer, story);
      case RESERVE -> complete(reference, "Task_AwaitOutcome", writer, "outcome", "reserve",
          "reserveRecheckDate", LocalDate.ofInstant(now, Inputs.PEOPLE_ZONE).plusDays(21 + story.number()).toString());
      case REJECTED -> reject(reference, writer, manager, "close");
      default -> {
        reject(reference, writer, manager, "resubmit");
        Instant second = Inputs.now().plus(Duration.ofDays(150));
        // the resubmission goes back to drafting: the same consortium, a new call deadline
        later(60);
        draftAndApprove(reference, writer, reviewer, manager);
        complete(reference, "Task_FinalApproval", manager, "approvalDecision", "approve");
        submit(reference, writer, second, story);
        at(second.plus(Duration.ofDays(120)));
        if (story.ending() == Ending.FUNDED_AFTER_RESUBMISSION) {
          fund(reference, writer, story);
        } else {
          reject(reference, writer, manager, "close");
        }
      }
    }
    return reference;
  }

  private Map<String, Object> idea(Story story, String topic, String writer, Instant deadline) {
    Map<String, Object> idea = new HashMap<>();
    idea.put("title", topic);
    idea.put("acronym", acronym(topic, story.number()));
    idea.put("cluster", story.cluster().code());
    idea.put("summary", topic + ": an international project led from Lapland with partners from the Nordic "
        + "countries and Central Europe.");
    idea.put("programme", story.programme());
    idea.put("callIdentifier", story.programme().toUpperCase() + "-DEMO-" + (100 + story.number()));
    idea.put("callDeadline", deadline.atOffset(ZoneOffset.ofHours(2)).withSecond(0).withNano(0).toString());
    idea.put("estimatedBudget", story.programme().equals("horizonEurope") ? 3_500_000 : 1_200_000);
    idea.put("regionalShare", story.programme().equals("horizonEurope") ? 600_000 : 300_000);
    idea.put("leadOrganisation", story.cluster().coordinator());
    idea.put("contactPerson", identityService.createUserQuery().userId(writer).singleResult().getFirstName());
    idea.put("contactEmail", writer + "@proposalflow.example");
    return idea;
  }

  private static String acronym(String topic, int number) {
    StringBuilder acronym = new StringBuilder();
    for (String word : topic.split(" ")) {
      if (word.length() > 3) {
        acronym.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return acronym + "-" + (number + 1);
  }

  /** The register codes (migration V10) of the organisations that coordinate the clusters. */
  private static final Map<Cluster, String> COORDINATOR_CODES = Map.of(Cluster.INDUSTRY, "DIGIPOLIS",
      Cluster.RURAL, "PROAGRIA-LAPPI", Cluster.DESIGN, "ULAPLAND", Cluster.DEVELOPMENT, "LAPLAND-UAS",
      Cluster.SECURITY, "MTI");

  /** The cluster's coordinator and two partners from the register (SE, NO) are invited and all confirm. */
  private void buildConsortium(String reference, String writer, Cluster cluster) {
    complete(reference, "Task_ChoosePartners", writer, "candidateAction", "invite",
        "coordinator", COORDINATOR_CODES.get(cluster),
        "beneficiaries", "NORRBOTTEN-MINING-LAB,TROMSO-ARCTIC-DESIGN",
        "responseDeadline", Inputs.now().plus(Duration.ofDays(7)).atOffset(ZoneOffset.ofHours(2))
            .withSecond(0).withNano(0).toString());
    later(2);
    for (Task answer : taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_RecordAnswer").list()) {
      taskService.setAssignee(answer.getId(), writer);
      taskService.complete(answer.getId(), Map.of("partnerAnswer", "confirmed",
          "commitmentLetter", "Letter of commitment " + reference + " / " + answer.getName().replace("Record the answer of ", "")));
    }
  }

  /** The writer plans and writes every section, budgets the consortium; the other writer reviews. */
  private void draftAndApprove(String reference, String writer, String reviewer, String manager) {
    String documents = "https://docs.proposalflow.example/" + reference;
    completeTask(reference, "Task_PlanWriting", writer,
        DraftingAnswers.plan(offered(reference, "Task_PlanWriting", "sectionPlan"), documents, List.of(writer)));
    later(5);
    completeTask(reference, "Task_PrepareBudget", writer, DraftingAnswers.budget(
        offered(reference, "Task_PrepareBudget", "budgetLines"), new BigDecimal(300_000), BigDecimal.ZERO,
        new BigDecimal(60_000)));
    later(5);
    for (Task section : taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_WriteSection").list()) {
      taskService.complete(section.getId(), DraftingAnswers.section(documents + "/" + section.getId(), 5, true));
    }
    later(4);
    completeTask(reference, "Task_ReviewSections", reviewer,
        DraftingAnswers.review(offered(reference, "Task_ReviewSections", "sectionReviews"), Map.of()));
    later(2);
  }

  private Object offered(String reference, String activityId, String variable) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activityId)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("demo portfolio: " + reference + " has no open task " + activityId);
    }
    return taskService.getVariable(task.getId(), variable);
  }

  private void submit(String reference, String writer, Instant deadline, Story story) {
    at(deadline.minus(Duration.ofDays(2)));
    complete(reference, "Task_SubmitToFunder", writer, "submissionId", "SEP-" + (610_000_000 + story.number()),
        "submittedAt", Inputs.now().minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.ofHours(2)).withSecond(0).withNano(0)
            .toString(),
        "requestedBudget", story.programme().equals("horizonEurope") ? 3_400_000 : 1_100_000);
  }

  private void fund(String reference, String writer, Story story) {
    complete(reference, "Task_AwaitOutcome", writer, "outcome", "funded",
        "grantedAmount", story.programme().equals("horizonEurope") ? 3_000_000 : 1_000_000,
        "grantedRegionalShare", story.regionalShare());
    later(30);
    complete(reference, "Task_PrepareGrantAgreement", writer, "grantAgreementNumber",
        Integer.toString(101_100_000 + story.number()),
        "projectStartDate", LocalDate.ofInstant(Inputs.now(), Inputs.PEOPLE_ZONE).plusMonths(3).toString());
  }

  private void reject(String reference, String writer, String manager, String decision) {
    complete(reference, "Task_AwaitOutcome", writer, "outcome", "rejected",
        "evaluationScores", "Excellence 3.5, Impact 3.0, Implementation 3.5",
        "evaluationFeedback", "The impact pathway was not specific enough.");
    later(7);
    Map<String, Object> answer = new HashMap<>(Map.of("resubmissionDecision", decision));
    if (decision.equals("resubmit")) {
      answer.put("newCallIdentifier", "HORIZON-DEMO-RESUBMISSION-" + reference);
      answer.put("newCallDeadline", Inputs.now().plus(Duration.ofDays(150)).atOffset(ZoneOffset.ofHours(2))
          .withSecond(0).withNano(0).toString());
    }
    completeTask(reference, "Task_DecideResubmission", manager, answer);
  }

  private void complete(String reference, String activityId, String userId, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    completeTask(reference, activityId, userId, variables);
  }

  /** As the person would in Tasklist: the task is theirs, then done. */
  private void completeTask(String reference, String activityId, String userId, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activityId)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("demo portfolio: " + reference + " has no open task " + activityId);
    }
    taskService.setAssignee(task.getId(), userId);
    taskService.complete(task.getId(), variables);
  }

  private static void at(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  private static void later(int days) {
    at(Inputs.now().plus(Duration.ofDays(days)));
  }
}
