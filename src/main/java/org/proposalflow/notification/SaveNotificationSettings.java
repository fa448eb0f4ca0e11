package org.proposalflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** "My notification settings" in Tasklist: the user who started it chooses for themselves. */
@Component("saveNotificationSettings")
public class SaveNotificationSettings implements JavaDelegate {

  private final NotificationSettings settings;

  public SaveNotificationSettings(NotificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object user = execution.getVariable("settingsUser");
    if (user == null) {
      throw new InvalidInputException("settingsUser", "log in to Tasklist to change your own notification settings");
    }
    Inputs in = Inputs.of(execution);
    settings.save(user.toString(), new NotificationSettings.Setting(in.flag("taskEmails"),
        in.choice("language", NotificationSettings.LANGUAGES)));
  }
}
