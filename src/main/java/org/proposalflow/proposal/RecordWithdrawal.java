package org.proposalflow.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.notification.Notifier;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** The proposal is withdrawn (the {@code WithdrawProposal} message): keeps the reason on the record. */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  private final ProposalRecords records;
  private final Notifier notifier;

  public RecordWithdrawal(ProposalRecords records, Notifier notifier) {
    this.records = records;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Inputs.of(execution).text("withdrawReason", 1000);
    records.recordWithdrawal(execution.getProcessBusinessKey(), reason);
    notifier.outcome(execution.getProcessBusinessKey(), "withdrawn", reason);
  }
}
