package org.proposalflow.proposal;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.notification.DeadlineReminders;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** After a rejection: resubmit to a later call (new call and deadline) or close the proposal. */
@Component("decideResubmission")
public class DecideResubmission implements TaskListener {

  private final ProposalRecords records;
  private final DeadlineReminders reminders;

  public DecideResubmission(ProposalRecords records, DeadlineReminders reminders) {
    this.records = records;
    this.reminders = reminders;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task);
    if (in.choice("resubmissionDecision", "resubmit", "close").equals("resubmit")) {
      String callIdentifier = in.text("newCallIdentifier", 120);
      OffsetDateTime callDeadline = in.futureDateTime("newCallDeadline");
      String reference = task.getExecution().getProcessBusinessKey();
      records.recordResubmission(reference, callIdentifier, callDeadline);
      task.setVariable("callIdentifier", callIdentifier);
      task.setVariable("callDeadline", Date.from(callDeadline.toInstant()));
      reminders.plan(reference, in.optionalText("reminderDays", 100));
    }
  }
}
