package org.proposalflow.proposal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.notification.DeadlineReminders;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** The writer recorded the submission to the funder's portal; a late submission is refused. */
@Component("recordSubmission")
public class RecordSubmission implements TaskListener {

  /** Clocks differ; a submission time a few minutes ahead of ours is still believable. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ProposalRecords records;
  private final DeadlineReminders reminders;

  public RecordSubmission(ProposalRecords records, DeadlineReminders reminders) {
    this.records = records;
    this.reminders = reminders;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    Inputs in = Inputs.of(task);
    String submissionId = in.text("submissionId", 120);
    OffsetDateTime submittedAt = in.dateTime("submittedAt");
    BigDecimal requestedBudget = in.positiveEuros("requestedBudget");
    Proposal proposal = records.find(reference).orElseThrow();
    OffsetDateTime deadline = proposal.callDeadline();
    if (submittedAt.isAfter(deadline)) {
      throw new InvalidInputException("submittedAt", "the submission at "
          + submittedAt.atZoneSameInstant(Inputs.PEOPLE_ZONE).toLocalDateTime() + " is after the call deadline "
          + deadline.atZoneSameInstant(Inputs.PEOPLE_ZONE).toLocalDateTime()
          + " (Europe/Helsinki); the funder does not accept late proposals");
    }
    if (submittedAt.toInstant().isAfter(Inputs.now().plus(CLOCK_SKEW))) {
      throw new InvalidInputException("submittedAt", "lies in the future; record the submission after it was made");
    }
    records.recordSubmission(reference, submissionId, submittedAt, requestedBudget);
    reminders.cancel(reference);
  }
}
