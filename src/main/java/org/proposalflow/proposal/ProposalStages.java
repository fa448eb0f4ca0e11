package org.proposalflow.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the record's stage in step with the process: called as an execution listener when a
 * stage's activity starts ({@code ${proposalStage.enter(execution, 'DRAFTING')}}).
 * The stage is also a process variable, so Cockpit shows it in the instance's variable list.
 */
@Component("proposalStage")
public class ProposalStages {

  private final ProposalRecords records;

  public ProposalStages(ProposalRecords records) {
    this.records = records;
  }

  public void enter(DelegateExecution execution, String stageName) {
    ProposalStage stage = ProposalStage.valueOf(stageName);
    records.updateStage(execution.getProcessBusinessKey(), stage);
    if (stage == ProposalStage.PARTNER_SEARCH || stage == ProposalStage.DECLINED) {
      records.recordScreened(execution.getProcessBusinessKey());
    }
    execution.getProcessInstance().setVariable("stage", stage.name());
  }
}
