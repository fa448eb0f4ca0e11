package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BPMN checked against the schema compiled once: our models pass, and a wrong file fails as on the engine's own parse. */
class CompiledBpmnSchemaTest {

  private static final String WRONG = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Wrong"
          targetNamespace="http://proposalflow.org/test">
        <bpmn:process id="wrong" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_Begin" dueSoon="tomorrow" />
          <bpmn:sequenceFlow id="Flow_BeginToEnd" sourceRef="StartEvent_Begin" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done">
            <bpmn:documentation>in the wrong place</bpmn:documentation>
            <bpmn:incoming>Flow_BeginToEnd</bpmn:incoming>
            <bpmn:extensionElements />
          </bpmn:endEvent>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static ProcessEngine engineDefault;
  private static ProcessEngine withCompiledSchema;

  @BeforeAll
  static void engines() {
    engineDefault = engine("schema-default", false);
    withCompiledSchema = engine("schema-compiled", true);
  }

  @AfterAll
  static void close() {
    engineDefault.close();
    withCompiledSchema.close();
  }

  @Test
  void ourModelsParseAndDeploy() throws IOException {
    DeploymentBuilder deployment = withCompiledSchema.getRepositoryService().createDeployment();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        deployment.addString(file.getFileName().toString(), Files.readString(file));
      }
    }
    String id = deployment.deploy().getId();
    var configuration = (ProcessEngineConfigurationImpl) withCompiledSchema.getProcessEngineConfiguration();
    assertThat(configuration.getBpmnParseFactory().createBpmnParse(
        new BpmnParser(configuration.getExpressionManager(), configuration.getBpmnParseFactory())))
        .isInstanceOf(CompiledBpmnSchema.ParseWithCompiledSchema.class);
    assertThat(withCompiledSchema.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count())
        .isEqualTo(8);
  }

  @Test
  void aFileAgainstTheSchemaIsRefusedWithTheSameProblemsAsByTheEngineItself() {
    List<String> ours = problems(withCompiledSchema);
    assertThat(ours).as("an unknown attribute and an element out of order, with their lines")
        .anySatisfy(problem -> assertThat(problem).contains("dueSoon").startsWith("line 6:"))
        .anySatisfy(problem -> assertThat(problem).contains("extensionElements").startsWith("line 11:"));
    assertThat(ours).isEqualTo(problems(engineDefault));
  }

  private static List<String> problems(ProcessEngine engine) {
    ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
        .createDeployment().addString("wrong.bpmn", WRONG.strip()).deploy());
    assertThat(refused).as("deploying a file that breaks the BPMN schema").isNotNull();
    return refused.getResorceReports().stream().flatMap(report -> report.getErrors().stream())
        .map(problem -> "line " + problem.getLine() + ": " + problem.getMessage()).toList();
  }

  private static ProcessEngine engine(String name, boolean compiledSchema) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    if (compiledSchema) {
      configuration.getProcessEnginePlugins().add(new CompiledBpmnSchema());
    }
    return configuration.buildProcessEngine();
  }
}
