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

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }
}
