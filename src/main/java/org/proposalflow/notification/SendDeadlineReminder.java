package org.proposalflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A reminder timer of {@code deadline-reminders} fired: tell the team what is still open. */
@Component("sendDeadlineReminder")
public class SendDeadlineReminder implements JavaDelegate {

  private final Notifier notifier;

  public SendDeadlineReminder(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.deadlineReminder(execution.getProcessBusinessKey(), ((Number) execution.getVariable("daysBefore")).intValue());
  }
}
