package org.proposalflow.proposal;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.notification.DeadlineReminders;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * The call's deadline moved (message {@code CallDeadlineChanged}, e.g. the call was extended): keeps
 * the record and the routing variable in step and plans the reminders again.
 */
@Component("moveCallDeadline")
public class MoveCallDeadline implements JavaDelegate {

  private final ProposalRecords records;
  private final DeadlineReminders reminders;

  public MoveCallDeadline(ProposalRecords records, DeadlineReminders reminders) {
    this.records = records;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Inputs in = Inputs.of(execution);
    OffsetDateTime deadline = in.futureDateTime("newCallDeadline");
    Proposal proposal = records.find(reference).orElseThrow();
    if (proposal.stage().ordinal() >= ProposalStage.AWAITING_OUTCOME.ordinal()) {
      throw new InvalidInputException("newCallDeadline", reference + " was already submitted to the funder");
    }
    records.recordCallDeadline(reference, deadline);
    Date callDeadline = Date.from(deadline.toInstant());
    execution.getProcessInstance().setVariable("callDeadline", callDeadline);
    reminders.plan(reference, in.optionalText("reminderDays", 100));
  }
}
