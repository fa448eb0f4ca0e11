package org.proposalflow.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** The grant agreement of a funded proposal is prepared: keeps its number and the project's start. */
@Component("recordGrantAgreement")
public class RecordGrantAgreement implements TaskListener {

  private final ProposalRecords records;

  public RecordGrantAgreement(ProposalRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task);
    records.recordGrantAgreement(task.getExecution().getProcessBusinessKey(),
        in.optionalText("grantAgreementNumber", 60), in.date("projectStartDate"));
  }
}
