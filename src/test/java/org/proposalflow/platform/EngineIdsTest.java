package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;

class EngineIdsTest extends ProcessTestSupport {

  @Test
  void theEngineMakesTimeOrderedIds() {
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getIdGenerator())
        .isInstanceOf(TimeOrderedIds.class);

    ProcessInstance first = startIdea(validIdea());
    ProcessInstance second = startIdea(validIdea());

    assertThat(UUID.fromString(first.getId()).version()).isEqualTo(7);
    assertThat(second.getId()).isGreaterThan(first.getId());
    HistoricVariableInstance secondsTitle = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(second.getId()).variableName("title").singleResult();
    assertThat(secondsTitle.getId()).isGreaterThan(second.getId());
    assertThat(UUID.fromString(secondsTitle.getId()).version()).isEqualTo(7);
  }
}
