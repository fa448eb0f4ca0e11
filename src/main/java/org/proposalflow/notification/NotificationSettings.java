package org.proposalflow.notification;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    return of(List.of(userId)).get(userId);
  }

  /** The choices of several users, read at once: every given id has one, the default if they never chose. */
  public Map<String, Setting> of(Collection<String> userIds) {
    Map<String, Setting> chosen = new HashMap<>();
    if (!userIds.isEmpty()) {
      jdbc.query("select user_id, task_emails, language from notification_setting where user_id in ("
              + String.join(", ", Collections.nCopies(userIds.size(), "?")) + ")",
          rs -> {
            chosen.put(rs.getString("user_id"), new Setting(rs.getBoolean("task_emails"), rs.getString("language")));
          }, userIds.toArray());
    }
    for (String userId : userIds) {
      chosen.putIfAbsent(userId, DEFAULT);
    }
    return chosen;
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
