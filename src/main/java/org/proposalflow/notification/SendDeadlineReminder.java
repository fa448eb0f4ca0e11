package org.proposalflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A reminder timer of {@code deadline-reminders} fired: tell the team what is still open. */
@Component("sendDeadlineReminder")
public class SendDeadlineReminder implements JavaDelegate {

  private final Notifier notifier;
  private final DeadlineReminders reminders;

  public SendDeadlineReminder(Notifier notifier, DeadlineReminders reminders) {
    this.notifier = notifier;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // plans started by the earlier model (a sequential multi-instance) name the reminder's day
    Object earlierModelDays = execution.getVariable("daysBefore");
    if (earlierModelDays != null) {
      notifier.deadlineReminder(execution.getProcessBusinessKey(), ((Number) earlierModelDays).intValue());
      return;
    }
    String remindersAhead = (String) execution.getVariable("remindersAhead");
    notifier.deadlineReminder(execution.getProcessBusinessKey(), reminders.nextDays(remindersAhead));
    execution.setVariable("remindersAhead", reminders.afterNext(remindersAhead));
  }
}
