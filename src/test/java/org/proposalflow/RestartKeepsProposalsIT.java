package org.proposalflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.proposal.ProposalStage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data in an H2 file: a second start of the application finds every
 * proposal. An integration test (failsafe) in a JVM of its own, because the Camunda platform
 * container is JVM-wide and the shared context of the other tests has registered its engine there.
 */
class RestartKeepsProposalsIT {

  /** The process archive in META-INF/processes.xml, whose deployments carry its name. */
  private static final String ARCHIVE = "proposal-flow";

  @TempDir
  Path dataDir;

  @Test
  void aSecondStartOnTheSameH2FileKeepsEveryProposal() {
    String reference;
    String processInstanceId;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      ProcessInstance proposal = engine.getRuntimeService().startProcessInstanceByKey("proposal-lifecycle",
          ProcessTestSupport.validIdea());
      reference = proposal.getBusinessKey();
      processInstanceId = proposal.getId();
    }

    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(dataDir.resolve("proposal-flow.mv.db")).exists();
      assertThat(second.getBean(ProposalRecords.class).find(reference)).get()
          .satisfies(p -> assertThat(p.stage()).isEqualTo(ProposalStage.SCREENING))
          .satisfies(p -> assertThat(p.processInstanceId()).isEqualTo(processInstanceId));
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey("Task_ScreenIdea").count()).isOne();
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("proposal-lifecycle")
          .count()).as("an unchanged model is not deployed again").isOne();
      ProcessInstance next = engine.getRuntimeService().startProcessInstanceByKey("proposal-lifecycle",
          ProcessTestSupport.validIdea());
      assertThat(next.getBusinessKey()).isNotEqualTo(reference);
    }
  }

  @Test
  void aStartThatDeploysANewVersionKeepsTheApplicationRegisteredForTheEarlierOnes() {
    String earlier;
    try (ConfigurableApplicationContext first = start()) {
      RepositoryService repository = first.getBean(ProcessEngine.class).getRepositoryService();
      earlier = repository.createDeploymentQuery().deploymentName(ARCHIVE).singleResult().getId();
      // another version of one of the archive's models, so that the next start deploys the jar's models again
      String digest = repository.getDeploymentResourceNames(earlier).stream()
          .filter(name -> name.endsWith("portfolio-digest.bpmn")).findFirst().orElseThrow();
      repository.createDeployment().name(ARCHIVE).addModelInstance(digest, Bpmn.createExecutableProcess("portfolio-digest")
          .camundaHistoryTimeToLive(1).startEvent().endEvent().done()).deploy();
    }

    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(ARCHIVE).count()).isEqualTo(3);
      assertThat(engine.getManagementService().getProcessApplicationForDeployment(earlier))
          .as("instances of the first version still run in the application's context").isEqualTo(ARCHIVE);
    }
  }

  private ConfigurableApplicationContext start() {
    // command-line arguments, as an operator would pass them: they win over application.yaml
    return new SpringApplicationBuilder(ProposalFlowApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("proposal-flow").toAbsolutePath(),
        "--camunda.bpm.job-execution.enabled=false",
        "--proposal-flow.notifications.scheduling.enabled=false");
  }
}
