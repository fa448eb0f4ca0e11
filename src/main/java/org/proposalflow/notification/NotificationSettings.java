package org.proposalflow.notification;

import java.time.ZoneOffset;
import java.util.List;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each user's notification choices; a user who never chose gets task e-mails in English. */
@Repository
public class NotificationSettings {

  public record Setting(boolean taskEmails, String language) {
  }

  public static final List<String> LANGUAGES = List.of("en", "fi");
  private static final Setting DEFAULT = new Setting(true, NotificationTemplates.DEFAULT_LANGUAGE);

  private final JdbcTemplate jdbc;

  public NotificationSettings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Setting of(String userId) {
    List<Setting> found = jdbc.query("select task_emails, language from notification_setting where user_id = ?",
        (rs, row) -> new Setting(rs.getBoolean("task_emails"), rs.getString("language")), userId);
    return found.isEmpty() ? DEFAULT : found.get(0);
  }

  public void save(String userId, Setting setting) {
    int updated = jdbc.update("update notification_setting set task_emails = ?, language = ?, updated_at = ? where user_id = ?",
        setting.taskEmails(), setting.language(), Inputs.now().atOffset(ZoneOffset.UTC), userId);
    if (updated == 0) {
      jdbc.update("insert into notification_setting (user_id, task_emails, language, updated_at) values (?, ?, ?, ?)",
          userId, setting.taskEmails(), setting.language(), Inputs.now().atOffset(ZoneOffset.UTC));
    }
  }
}
