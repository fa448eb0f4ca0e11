package org.proposalflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.proposalflow.drafting.DraftingAnswers;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that drive the deployed processes in the whole application (one shared Spring
 * context, an in-memory database, the job executor off so tests fire timers themselves).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ProcessTestSupport {

  @Autowired
  protected ProcessEngine processEngine;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected TaskService taskService;
  @Autowired
  protected HistoryService historyService;
  @Autowired
  protected ProposalRecords records;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetAssertions() {
    AbstractAssertions.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  /** The variables of a valid idea, as the start form submits them: deadline three months ahead. */
  public static Map<String, Object> validIdea() {
    Map<String, Object> idea = new HashMap<>();
    idea.put("title", "Circular economy of mine tailings in Kemi-Tornio");
    idea.put("acronym", "CIRCTAIL");
    idea.put("cluster", "industry");
    idea.put("summary", "Turning mine tailings into construction materials with partners from three countries.");
    idea.put("programme", "horizonEurope");
    idea.put("callIdentifier", "HORIZON-CL4-2027-TWIN-01");
    idea.put("callDeadline", formTime(Inputs.now().atOffset(ZoneOffset.ofHours(2)).plusDays(90)));
    idea.put("estimatedBudget", 4_000_000);
    idea.put("regionalShare", 900_000.5);
    idea.put("leadOrganisation", "Digipolis");
    idea.put("contactPerson", "Aino Kivikaamos");
    idea.put("contactEmail", "aino.kivikaamos@proposalflow.example");
    return idea;
  }

  /** A date and time as a Camunda Form's datetime field submits it: no seconds, with offset. */
  public static String formTime(OffsetDateTime time) {
    return time.withSecond(0).withNano(0).toString();
  }

  protected ProcessInstance startIdea(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey("proposal-lifecycle", variables);
  }

  protected Proposal record(ProcessInstance instance) {
    return records.find(instance.getBusinessKey()).orElseThrow();
  }

  /** The one open task of the proposal (its own or in a called process), found by activity id. */
  protected Task openTask(ProcessInstance proposal, String activityId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
        .taskDefinitionKey(activityId).list();
    assertThat(tasks).as("open task %s of %s", activityId, proposal.getBusinessKey()).hasSize(1);
    return tasks.get(0);
  }

  /** Claims the task as the user and completes it with the variables, as Tasklist does. */
  protected void completeAs(String userId, Task task, Map<String, Object> variables) {
    authenticate(userId);
    try {
      taskService.claim(task.getId(), userId);
      taskService.complete(task.getId(), variables);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  /** The body of a REST answer that must be 200 OK. */
  protected static JsonNode json(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  /** Acts as the user from now on, with their groups and clusters, as the web apps and the REST API log them in. */
  protected void authenticate(String userId) {
    processEngine.getIdentityService().setAuthentication(loggedIn(processEngine.getIdentityService(), userId));
  }

  /**
   * Runs the work inside one engine command (a step) of a person with no groups and no grants, as
   * listeners and delegates run inside a person's step.
   */
  protected <T> T insideAStepOfSomeoneWithoutRights(Command<T> work) {
    IdentityService identity = processEngine.getIdentityService();
    identity.setAuthentication("visitor", List.of());
    try {
      return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired().execute(work);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The user with their groups and clusters (tenants), as the web apps and the REST API log them in. */
  public static Authentication loggedIn(IdentityService identity, String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    return new Authentication(userId, groups, tenants);
  }

  protected void complete(ProcessInstance proposal, String activityId, String userId, Object... keyValues) {
    completeAs(userId, openTask(proposal, activityId), vars(keyValues));
  }

  /** The industry cluster's manager says go. */
  protected void screenGo(ProcessInstance proposal) {
    screenGo(proposal, "helmi");
  }

  protected void screenGo(ProcessInstance proposal, String manager) {
    complete(proposal, "Task_ScreenIdea", manager, "screeningDecision", "go");
  }

  /**
   * An eligible Horizon Europe consortium: Digipolis (FI) coordinates, Norrbotten Mining Lab (SE) and
   * Ruhr Process Engineering Institute (DE) are beneficiaries, all from the partner register; all confirm.
   */
  protected void buildConsortium(ProcessInstance proposal) {
    chooseCandidates(proposal, "coordinator", "DIGIPOLIS", "beneficiaries", "NORRBOTTEN-MINING-LAB,RUHR-PROCESS-INSTITUTE");
    confirm(proposal, "Digipolis (FI)");
    confirm(proposal, "Norrbotten Mining Lab (SE)");
    confirm(proposal, "Ruhr Process Engineering Institute (DE)");
  }

  /** The writer invites candidates from the register ("Choose candidate partners"), e.g. {@code "beneficiaries", "GTK,LUKE"}. */
  protected void chooseCandidates(ProcessInstance proposal, Object... keyValues) {
    Map<String, Object> variables = vars(keyValues);
    variables.putIfAbsent("candidateAction", "invite");
    completeAs("aino", openTask(proposal, "Task_ChoosePartners"), variables);
  }

  /** The open "Record the answer of ..." task of one candidate, e.g. {@code "Digipolis (FI)"}. */
  protected Task answerTask(ProcessInstance proposal, String candidate) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
        .taskDefinitionKey("Task_RecordAnswer").taskName("Record the answer of " + candidate).list();
    assertThat(tasks).as("open answer task of %s in %s", candidate, proposal.getBusinessKey()).hasSize(1);
    return tasks.get(0);
  }

  protected void confirm(ProcessInstance proposal, String candidate) {
    completeAs("aino", answerTask(proposal, candidate), vars("partnerAnswer", "confirmed",
        "commitmentLetter", "LoC " + candidate));
  }

  protected void decline(ProcessInstance proposal, String candidate) {
    completeAs("aino", answerTask(proposal, candidate), vars("partnerAnswer", "declined",
        "answerComment", "No capacity this year."));
  }

  /** A new industry proposal, screened and with its consortium, now in drafting. */
  protected ProcessInstance proposalInDrafting() {
    ProcessInstance proposal = startIdea(validIdea());
    screenGo(proposal);
    buildConsortium(proposal);
    return proposal;
  }

  /** aino plans and leads, aino and eero write two sections each, aino budgets, helmi reviews and approves all. */
  protected void draftAndReview(ProcessInstance proposal) {
    planWriting(proposal, "aino", "aino", "eero");
    prepareBudget(proposal, "aino", 500_000);
    writeSections(proposal, 10, true);
    reviewSections(proposal, "helmi", Map.of());
  }

  /** The lead plans the writing with the offered dates, giving the sections to the owners in turn. */
  protected void planWriting(ProcessInstance proposal, String lead, String... owners) {
    Task plan = openTask(proposal, "Task_PlanWriting");
    completeAs(lead, plan, DraftingAnswers.plan(taskService.getVariable(plan.getId(), "sectionPlan"),
        "https://docs.example.org/" + proposal.getBusinessKey(), List.of(owners)));
  }

  /** Every partner: the personnel costs given, a tenth of them subcontracted and as much other direct costs. */
  protected void prepareBudget(ProcessInstance proposal, String writer, long personnel) {
    Task budget = openTask(proposal, "Task_PrepareBudget");
    BigDecimal tenth = BigDecimal.valueOf(personnel / 10);
    completeAs(writer, budget, DraftingAnswers.budget(taskService.getVariable(budget.getId(), "budgetLines"),
        BigDecimal.valueOf(personnel), tenth, tenth));
  }

  /** Each open "Write section" task, completed by its owner. */
  protected void writeSections(ProcessInstance proposal, int pages, boolean ready) {
    for (Task section : sectionTasks(proposal)) {
      completeAs(section.getAssignee(), section, DraftingAnswers.section(
          "https://docs.example.org/" + proposal.getBusinessKey() + "/" + taskService.getVariable(section.getId(), "sectionCode"),
          pages, ready));
    }
  }

  protected List<Task> sectionTasks(ProcessInstance proposal) {
    return taskService.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
        .taskDefinitionKey("Task_WriteSection").orderByTaskName().asc().list();
  }

  /** The reviewer approves every section under review but those given (section code → what to revise). */
  protected void reviewSections(ProcessInstance proposal, String reviewer, Map<String, String> revisions) {
    Task review = openTask(proposal, "Task_ReviewSections");
    completeAs(reviewer, review, DraftingAnswers.review(taskService.getVariable(review.getId(), "sectionReviews"),
        revisions));
  }

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  protected static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
