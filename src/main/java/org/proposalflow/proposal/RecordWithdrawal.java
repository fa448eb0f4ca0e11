package org.proposalflow.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** The proposal is withdrawn (the {@code WithdrawProposal} message): keeps the reason on the record. */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  private final ProposalRecords records;

  public RecordWithdrawal(ProposalRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.recordWithdrawal(execution.getProcessBusinessKey(), Inputs.of(execution).text("withdrawReason", 1000));
  }
}
