package org.proposalflow.proposal;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** After a rejection: resubmit to a later call (new call and deadline) or close the proposal. */
@Component("decideResubmission")
public class DecideResubmission implements TaskListener {

  private final ProposalRecords records;

  public DecideResubmission(ProposalRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task);
    if (in.choice("resubmissionDecision", "resubmit", "close").equals("resubmit")) {
      String callIdentifier = in.text("newCallIdentifier", 120);
      OffsetDateTime callDeadline = in.futureDateTime("newCallDeadline");
      records.recordResubmission(task.getExecution().getProcessBusinessKey(), callIdentifier, callDeadline);
      task.setVariable("callIdentifier", callIdentifier);
      task.setVariable("callDeadline", Date.from(callDeadline.toInstant()));
    }
  }
}
