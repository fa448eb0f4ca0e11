package org.proposalflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What the application deploys at start-up, and what its models expect to find in it. */
class DeployedApplicationTest extends ProcessTestSupport {

  /** Names a listener or delegate expression starts with: a Spring bean, e.g. ${registerProposal} or ${dueDates.within(...)}. */
  private static final Pattern BEAN_REFERENCE = Pattern.compile(
      "(?:delegateExpression|expression|camunda:dueDate)=\"[$#]\\{([A-Za-z][A-Za-z0-9]*)[.}]");
  /** Process variables and engine names expressions may also start with. */
  private static final Set<String> NOT_BEANS = Set.of("execution", "task", "callDeadline", "cluster", "partnerResponseDeadline",
      "sectionDue");

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ApplicationContext context;
  @Autowired
  private TestRestTemplate rest;

  @Test
  void everyFormAndModelInTheFoldersIsDeployed() throws IOException {
    Set<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .collect(Collectors.toSet());

    for (Path form : ModelFiles.list(Path.of("forms"), ".form")) {
      assertThat(deployed).contains("forms/" + form.getFileName());
    }
    for (Path model : ModelFiles.list(Path.of("processes"), ".bpmn", ".dmn")) {
      assertThat(deployed).contains("processes/" + model.getFileName());
    }
  }

  @Test
  void theConsortiumEligibilityDecisionIsDeployed() {
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("consortium-eligibility")
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(1825);
  }

  @Test
  void everyDelegateAndListenerExpressionResolvesToABean() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (Path model : ModelFiles.list(Path.of("processes"), ".bpmn")) {
      Matcher matcher = BEAN_REFERENCE.matcher(Files.readString(model));
      while (matcher.find()) {
        referenced.add(matcher.group(1));
      }
    }
    referenced.removeAll(NOT_BEANS);

    assertThat(referenced).contains("registerProposal", "proposalStage", "dueDates", "decision", "sectionReview", "checkCompliance");
    for (String bean : referenced) {
      assertThat(context.containsBean(bean)).as("bean %s", bean).isTrue();
    }
  }

  @Test
  void tasklistGetsTheDeployedStartFormAndTaskForms() {
    ResponseEntity<Map> startForm = rest.withBasicAuth("aino", "aino").getForEntity(
        "/engine-rest/process-definition/key/proposal-lifecycle/deployed-start-form", Map.class);
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody()).containsEntry("id", "submit-idea");

    String instanceId = runtimeService.startProcessInstanceByKey("proposal-lifecycle", validIdea()).getId();
    String screening = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    ResponseEntity<Map> taskForm = rest.withBasicAuth("helmi", "helmi").getForEntity("/engine-rest/task/" + screening + "/deployed-form", Map.class);
    assertThat(taskForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskForm.getBody()).containsEntry("id", "screen-idea");
  }
}
