package org.proposalflow.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, counted from the call deadline, used in BPMN as
 * {@code camunda:dueDate="${dueDates.daysBefore(callDeadline, 7)}"}.
 */
@Component("dueDates")
public class DueDates {

  /** In {@code days} days, but never after the call deadline while that is still ahead. */
  public Date within(int days, Date callDeadline) {
    Instant due = Inputs.now().plus(Duration.ofDays(days));
    Instant deadline = callDeadline.toInstant();
    return Date.from(deadline.isAfter(Inputs.now()) && deadline.isBefore(due) ? deadline : due);
  }

  /** {@code days} days before the call deadline, but at least one day from now when that is already past. */
  public Date daysBefore(Date callDeadline, int days) {
    Instant due = callDeadline.toInstant().minus(Duration.ofDays(days));
    Instant earliest = Inputs.now().plus(Duration.ofDays(1));
    if (due.isBefore(earliest)) {
      due = earliest.isBefore(callDeadline.toInstant()) ? earliest : callDeadline.toInstant();
    }
    return Date.from(due);
  }

  /** {@code days} days after the call deadline, e.g. when the funder's decision is expected. */
  public Date daysAfter(Date callDeadline, int days) {
    return Date.from(callDeadline.toInstant().plus(Duration.ofDays(days)));
  }
}
