package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each cluster sees only its own proposals, through the engine API, the REST API and the web apps;
 * portfolio managers see all; the REST API wants credentials.
 */
class AuthorizationTest extends ProcessTestSupport {

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private AuthorizationService authorizationService;
  @LocalServerPort
  private int port;

  private ProcessInstance industry;
  private ProcessInstance design;

  @BeforeEach
  void oneProposalOfTwoClustersEachWaitingForItsWriters() {
    industry = startIdea(validIdea());
    screenGo(industry);
    Map<String, Object> idea = validIdea();
    idea.put("cluster", "design");
    design = startIdea(idea);
    screenGo(design, "venla");
  }

  @Test
  void aWriterSeesOnlyTheirClustersTasksInstancesAndHistory() {
    authenticate("saara");
    try {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKeyIn(keys()).list())
          .extracting(Task::getTaskDefinitionKey).containsExactly("Task_ChoosePartners")
          .hasSize(1);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(industry.getBusinessKey()).count()).isZero();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey()).count())
          .isZero();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(design.getBusinessKey()).count())
          .as("the proposal, its partner search and its reminder plan").isEqualTo(3);
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey())
          .count()).isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(design.getBusinessKey())
          .count()).isPositive();
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey())
          .count()).isZero();
      Task industryTask = taskService.createTaskQuery().processInstanceBusinessKey(industry.getBusinessKey()).singleResult();
      assertThat(industryTask).isNull();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    Task industryTask = openTask(industry, "Task_ChoosePartners");
    authenticate("saara");
    try {
      assertThatThrownBy(() -> taskService.claim(industryTask.getId(), "saara")).isInstanceOf(AuthorizationException.class);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aClusterManagerSeesTheirClusterAndPortfolioManagersSeeAll() {
    authenticate("helmi");
    try {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey()).count())
          .isEqualTo(3);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(design.getBusinessKey()).count())
          .isZero();
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(industry.getBusinessKey()).count())
          .as("the manager follows the writers' tasks of the cluster").isOne();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    authenticate("marja");
    try {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey()).count()
          + runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(design.getBusinessKey()).count())
          .isEqualTo(6);
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(keys()).count())
          .isEqualTo(6);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKeyIn(keys()).count()).isEqualTo(2);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aProposalsInstancesTasksAndHistoryBelongToItsClustersTenant() {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey()).list())
        .as("the proposal, its partner search and its reminder plan").hasSize(3)
        .allSatisfy(instance -> assertThat(instance.getTenantId()).isEqualTo("industry"));
    assertThat(openTask(design, "Task_ChoosePartners").getTenantId()).isEqualTo("design");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(industry.getBusinessKey())
        .list()).isNotEmpty().allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo("industry"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(industry.getId()).list())
        .isNotEmpty().allSatisfy(variable -> assertThat(variable.getTenantId()).isEqualTo("industry"));
  }

  @Test
  void proposalsAndTheirTasksAddNoAuthorizationRows() {
    long before = authorizationService.createAuthorizationQuery().count();
    ProcessInstance another = startIdea(validIdea());
    screenGo(another);
    completeAs("aino", openTask(another, "Task_ChoosePartners"), Map.of("candidateAction", "invite",
        "coordinator", "DIGIPOLIS", "beneficiaries", "NORRBOTTEN-MINING-LAB"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(another.getBusinessKey()).count())
        .as("the partners' answers are waiting").isEqualTo(2);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
  }

  @Test
  void aWriterWorksOnlyOnTasksOfferedToThemAndManagersAssignTheirClustersTasks() {
    ProcessInstance screening = startIdea(validIdea());
    Task screenIdea = openTask(screening, "Task_ScreenIdea");
    authenticate("aino");
    try {
      assertThat(taskService.createTaskQuery().taskId(screenIdea.getId()).count())
          .as("a writer sees the cluster's tasks").isOne();
      assertThatThrownBy(() -> taskService.claim(screenIdea.getId(), "aino"))
          .as("screening is offered to the managers").isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> taskService.complete(screenIdea.getId(), Map.of("screeningDecision", "go")))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(rest.withBasicAuth("aino", "aino").postForEntity("/engine-rest/task/" + screenIdea.getId() + "/claim",
        Map.of("userId", "aino"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Task choosePartners = openTask(industry, "Task_ChoosePartners");
    authenticate("helmi");
    try {
      taskService.setAssignee(choosePartners.getId(), "eero");
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    authenticate("aino");
    try {
      assertThatThrownBy(() -> taskService.complete(choosePartners.getId(), Map.of()))
          .as("assigned to eero").isInstanceOf(AuthorizationException.class);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    authenticate("venla");
    try {
      assertThatThrownBy(() -> taskService.setAssignee(choosePartners.getId(), "venla"))
          .as("another cluster's manager").isInstanceOf(AuthorizationException.class);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    completeAs("eero", taskService.createTaskQuery().taskId(choosePartners.getId()).singleResult(),
        Map.of("candidateAction", "invite", "coordinator", "DIGIPOLIS", "beneficiaries", "NORRBOTTEN-MINING-LAB"));
    assertThat(taskService.createTaskQuery().taskId(choosePartners.getId()).count()).isZero();
  }

  @Test
  void aRevisedIdeaStaysWithItsCluster() {
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", "helmi", "screeningDecision", "rework",
        "screeningComment", "Name the Member State partners you have in mind.");
    Task revise = openTask(proposal, "Task_ReviseIdea");
    Map<String, Object> moved = validIdea();
    moved.put("cluster", "design");
    assertThatThrownBy(() -> completeAs("aino", revise, moved)).hasMessageContaining("cluster")
        .hasMessageContaining("stays with the cluster");
    assertThat(record(proposal).cluster()).isEqualTo("industry");
  }

  @Test
  void onlyAdministratorsMayUseAdminAndCockpitIsForManagers() {
    assertThat(access("aino", "admin")).isFalse();
    assertThat(access("marja", "admin")).isFalse();
    assertThat(access("demo", "admin")).isTrue();
    assertThat(access("aino", "tasklist")).isTrue();
    assertThat(access("aino", "cockpit")).isFalse();
    assertThat(access("helmi", "cockpit")).isTrue();
    assertThat(access("marja", "cockpit")).isTrue();
  }

  @Test
  void theRestApiWantsCredentialsAndAnswersWrongOnesWithoutAStackTrace() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/notifications/summary", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user no other test logs in as: the engine delays the next logins of a user after a failed one
    ResponseEntity<String> wrong = rest.withBasicAuth("kerttu", "not-her-password").getForEntity("/engine-rest/task",
        String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(String.valueOf(wrong.getBody())).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void overRestAnotherClustersProposalIsInvisibleOrForbidden() throws Exception {
    TestRestTemplate saara = rest.withBasicAuth("saara", "saara");
    assertThat(json(saara.getForEntity("/engine-rest/task?processInstanceBusinessKey=" + industry.getBusinessKey(),
        String.class))).isEmpty();
    assertThat(json(saara.getForEntity("/engine-rest/history/process-instance?processInstanceBusinessKey="
        + industry.getBusinessKey(), String.class))).isEmpty();
    assertThat(saara.getForEntity("/engine-rest/process-instance/" + industry.getId(), String.class).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    String industryTask = openTask(industry, "Task_ChoosePartners").getId();
    assertThat(saara.postForEntity("/engine-rest/task/" + industryTask + "/claim", Map.of("userId", "saara"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(saara.postForEntity("/engine-rest/process-definition/key/proposal-withdrawal/start", Map.of(), String.class)
        .getStatusCode()).as("withdrawing is for managers").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(json(rest.withBasicAuth("aino", "aino").getForEntity(
        "/engine-rest/task?processInstanceBusinessKey=" + industry.getBusinessKey(), String.class))).hasSize(1);
    assertThat(rest.withBasicAuth("aino", "aino").getForEntity("/api/notifications/summary", String.class)
        .getStatusCode()).as("the outbox is for administrators").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void cockpitsInstanceCountsAreTheManagersCluster() throws Exception {
    JsonNode statistics = json(rest.withBasicAuth("helmi", "helmi").getForEntity(
        "/engine-rest/process-definition/statistics", String.class));
    long counted = 0;
    for (JsonNode definition : statistics) {
      if ("proposal-lifecycle".equals(definition.get("definition").get("key").asText())) {
        counted += definition.get("instances").asLong();
      }
    }
    assertThat(counted).isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionKey("proposal-lifecycle")
        .tenantIdIn("industry").count()).isLessThan(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("proposal-lifecycle").count());
  }

  @Test
  void inCockpitAManagerListsOnlyTheirClustersProposals() throws Exception {
    TasklistSession helmi = TasklistSession.login(port, "cockpit", "helmi", "helmi");
    JsonNode visible = new ObjectMapper().readTree(helmi.get(
        "/camunda/api/engine/engine/default/history/process-instance?processDefinitionKey=proposal-lifecycle").body());
    List<String> keys = visible.findValuesAsText("businessKey");
    assertThat(keys).contains(industry.getBusinessKey()).doesNotContain(design.getBusinessKey());
    assertThat(visible.findValuesAsText("businessKey")).allMatch(key -> {
      var proposal = records.find(key);
      return proposal.isEmpty() || proposal.get().cluster().equals("industry");
    });
  }

  private boolean access(String user, String app) {
    List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
    return authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, app);
  }

  private String[] keys() {
    return new String[] {industry.getBusinessKey(), design.getBusinessKey()};
  }
}
