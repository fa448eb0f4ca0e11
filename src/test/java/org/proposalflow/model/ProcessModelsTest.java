package org.proposalflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The models people open: every BPMN/DMN in processes/ parses and deploys on a bare engine, has a
 * diagram for every element, readable ids and a history time to live; every user task and start
 * form references a form in forms/ whose id is its file name.
 */
class ProcessModelsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("model-check.camunda.cfg.xml").build();

  @Test
  void everyModelAndFormDeploysOnABareEngine() throws IOException {
    ProcessEngine processEngine = engine.getProcessEngine();
    DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment().name("all models");
    for (Path file : files(PROCESSES, ".bpmn", ".dmn")) {
      deployment.addString("processes/" + file.getFileName(), Files.readString(file));
    }
    for (Path form : files(FORMS, ".form")) {
      deployment.addString("forms/" + form.getFileName(), Files.readString(form));
    }
    Deployment deployed = deployment.deploy();
    try {
      assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(deployed.getId()).list())
          .extracting(d -> d.getKey())
          .containsExactlyInAnyOrder("proposal-lifecycle", "partner-search", "proposal-drafting", "proposal-withdrawal",
              "deadline-reminders", "call-deadline-change", "notification-settings", "portfolio-digest");
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployed.getId(), true);
    }
  }

  @Test
  void everyFlowElementIsDrawnAndReadablyNamed() throws IOException {
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = Stream.concat(
              model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
              model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()))
          .collect(Collectors.toSet());
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        assertThat(drawn).as("%s: %s has a shape or edge", file, element.getId()).contains(element.getId());
        assertThat(element.getId()).as("%s: readable id", file)
            .matches("(StartEvent|EndEvent|Event|Task|Gateway|CallActivity|SubProcess|Flow)_[A-Z][A-Za-z]+");
        if (element instanceof FlowNode) {
          assertThat(element.getName()).as("%s: %s has a name", file, element.getId()).isNotBlank();
        }
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", file).isNotBlank();
        assertThat(process.getName()).as("%s process name", file).isNotBlank();
      }
    }
  }

  @Test
  void everyUserTaskAndStartFormReferencesAFormInFormsFolder() throws IOException {
    Set<String> formIds = formIds();
    int references = 0;
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as("%s: %s has a Camunda Form", file, task.getId()).isNotBlank();
        assertThat(formIds).as("%s: %s", file, task.getId()).contains(task.getCamundaFormRef());
        assertThat(task.getCamundaDueDate()).as("%s: %s has a due date", file, task.getId()).isNotBlank();
        assertThat(task.getCamundaCandidateGroups()).as("%s: %s goes to groups", file, task.getId()).isNotBlank();
        references++;
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(formIds).as("%s: %s", file, start.getId()).contains(start.getCamundaFormRef());
          references++;
        }
      }
    }
    assertThat(references).isGreaterThanOrEqualTo(formIds.size());
  }

  @Test
  void everyFormIsNamedAfterItsIdAndValidatesItsInput() throws IOException {
    for (Path form : files(FORMS, ".form")) {
      String json = Files.readString(form);
      String fileId = form.getFileName().toString().replace(".form", "");
      assertThat(json).as("%s id", form).contains("\"id\": \"" + fileId + "\"");
      assertThat(json).as("%s has validation", form).contains("\"required\": true");
    }
  }

  static Set<String> formIds() throws IOException {
    return files(FORMS, ".form").stream()
        .map(p -> p.getFileName().toString().replace(".form", ""))
        .collect(Collectors.toSet());
  }

  private static List<Path> files(Path folder, String... suffixes) throws IOException {
    return ModelFiles.list(folder, suffixes);
  }
}
