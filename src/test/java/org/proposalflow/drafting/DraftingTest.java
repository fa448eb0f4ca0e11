package org.proposalflow.drafting;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;

class DraftingTest extends ProcessTestSupport {

  @Test
  void debug() {
    ProcessInstance proposal = proposalInDrafting();
    planWriting(proposal, "aino", "aino", "eero");
    historyService.createHistoricActivityInstanceQuery().orderByHistoricActivityInstanceStartTime().asc().list()
        .stream().filter(a -> a.getProcessDefinitionKey().equals("proposal-drafting"))
        .forEach(a -> System.out.println("HIST " + a.getActivityId() + " " + a.getEndTime()));
    taskService.createTaskQuery().list().forEach(t -> System.out.println("TASK " + t.getTaskDefinitionKey() + " " + t.getName() + " " + t.getAssignee()));
  }
}
