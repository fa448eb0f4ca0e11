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
    // plans started by version 1 of the model (a sequential multi-instance) name the reminder's day
    Object version1Days = execution.getVariable("daysBefore");
    if (version1Days != null) {
      notifier.deadlineReminder(execution.getProcessBusinessKey(), ((Number) version1Days).intValue());
      return;
    }
    String remindersAhead = (String) execution.getVariable("remindersAhead");
    notifier.deadlineReminder(execution.getProcessBusinessKey(), reminders.nextDays(remindersAhead));
    execution.setVariable("remindersAhead", reminders.afterNext(remindersAhead));
  }
}
