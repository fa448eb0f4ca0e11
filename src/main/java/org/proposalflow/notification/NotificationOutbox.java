package org.proposalflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox. {@link #add} runs in the caller's (the engine's) transaction, so a
 * notification exists exactly when the step that caused it committed. Delivery claims due rows with
 * a lease: a row is sent by the node that holds its claim, and a crashed node's claims expire.
 */
@Repository
public class NotificationOutbox {

  private static final String COLUMNS = "id, kind, reference, process_instance_id, task_id, recipient_user_id, "
      + "recipient_email, language, subject, body, calendar, note, status, attempts, next_attempt_at, last_error, "
      + "created_at, sent_at";

  private final JdbcTemplate jdbc;

  public NotificationOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A notification to record. {@code note} is kept for operators (e.g. a template fallback);
   * {@code undeliverableBecause} records it as failed at once (e.g. the user has no address).
   */
  public record NewNotification(NotificationKind kind, String reference, String processInstanceId, String taskId,
      String userId, String email, String language, String subject, String body, String calendar, String note,
      String undeliverableBecause) {
  }

  private static final String INSERT = "insert into notification (kind, reference, process_instance_id, task_id, "
      + "recipient_user_id, recipient_email, language, subject, body, calendar, note, status, last_error, "
      + "next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Records a notification, due now, in the caller's transaction. */
  public void add(NewNotification n, Instant now) {
    addAll(List.of(n), now);
  }

  /** Records notifications, due now, in the caller's transaction, in one batch. */
  public void addAll(List<NewNotification> notifications, Instant now) {
    OffsetDateTime at = utc(now);
    jdbc.batchUpdate(INSERT, notifications.stream().map(n -> new Object[] {n.kind().name(), n.reference(),
        n.processInstanceId(), n.taskId(), n.userId(), n.email(), n.language(), n.subject(), n.body(), n.calendar(),
        n.note(), n.undeliverableBecause() == null ? OutboxEntry.PENDING : OutboxEntry.FAILED, n.undeliverableBecause(),
        at, at}).toList());
  }

  /**
   * Claims up to {@code limit} due notifications for {@code token} until {@code now + lease}. The
   * claim condition is repeated in the update, so that of two nodes racing for a row the database
   * lets only one have it; the loser simply gets fewer rows.
   */
  public List<OutboxEntry> claimDue(String token, Instant now, Duration lease, int limit) {
    OffsetDateTime at = utc(now);
    List<Long> candidates = jdbc.queryForList("select id from notification where status = 'PENDING' "
        + "and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) order by id limit ?",
        Long.class, at, at, limit);
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(List.of(token, utc(now.plus(lease)), at));
    args.addAll(candidates);
    jdbc.update("update notification set claim_token = ?, claimed_until = ? where status = 'PENDING' "
        + "and (claimed_until is null or claimed_until < ?) and id in ("
        + String.join(", ", Collections.nCopies(candidates.size(), "?")) + ")", args.toArray());
    return jdbc.query("select " + COLUMNS + " from notification where claim_token = ? and status = 'PENDING' order by id",
        this::map, token);
  }

  public boolean hasDueUnclaimed(Instant now) {
    OffsetDateTime at = utc(now);
    return !jdbc.queryForList("select id from notification where status = 'PENDING' and next_attempt_at <= ? "
        + "and (claimed_until is null or claimed_until < ?) limit 1", Long.class, at, at).isEmpty();
  }

  /**
   * Extends the rows {@code token} still holds to {@code until} and returns their ids. The rows no
   * longer held are those another node claimed after an earlier lease of this claim ran out.
   */
  public Set<Long> renewClaim(String token, Instant until) {
    jdbc.update("update notification set claimed_until = ? where claim_token = ? and status = 'PENDING'", utc(until),
        token);
    return new HashSet<>(jdbc.queryForList("select id from notification where claim_token = ? and status = 'PENDING'",
        Long.class, token));
  }

  public void markSent(long id, String token, Instant now) {
    jdbc.update("update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null, "
        + "claim_token = null, claimed_until = null where id = ? and claim_token = ?", utc(now), id, token);
  }

  /** A failed attempt: due again at {@code nextAttempt}, or failed for good when that is null. */
  public void markAttemptFailed(long id, String token, String error, Instant nextAttempt) {
    jdbc.update("update notification set attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = "
            + "coalesce(?, next_attempt_at), claim_token = null, claimed_until = null where id = ? and claim_token = ?",
        abbreviate(error), nextAttempt == null ? OutboxEntry.FAILED : OutboxEntry.PENDING, utc(nextAttempt), id, token);
  }

  /** Gives back what a claim still holds without counting an attempt (delivery stopped before reaching it). */
  public void release(String token) {
    jdbc.update("update notification set claim_token = null, claimed_until = null where claim_token = ? "
        + "and status = 'PENDING'", token);
  }

  public void recordIncident(long id, String incidentId) {
    jdbc.update("update notification set incident_id = ? where id = ?", incidentId, id);
  }

  /** An operator's retry of a failed notification: due again now, attempts counted afresh. */
  public boolean retry(long id, Instant now) {
    return jdbc.update("update notification set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
        + "claim_token = null, claimed_until = null where id = ? and status = 'FAILED'", utc(now), id) == 1;
  }

  public String incidentOf(long id) {
    List<String> found = jdbc.queryForList("select incident_id from notification where id = ?", String.class, id);
    return found.isEmpty() ? null : found.get(0);
  }

  public List<OutboxEntry> list(String status, int limit) {
    return jdbc.query("select " + COLUMNS + " from notification where status = ? order by id desc limit ?",
        this::map, status, limit);
  }

  public List<OutboxEntry> forReference(String reference) {
    return jdbc.query("select " + COLUMNS + " from notification where reference = ? order by id", this::map, reference);
  }

  public Map<String, Long> countByStatus() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.query("select status, count(*) as n from notification group by status",
        rs -> {
          counts.put(rs.getString("status"), rs.getLong("n"));
        });
    return counts;
  }

  private OutboxEntry map(ResultSet rs, int row) throws SQLException {
    return new OutboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("reference"),
        rs.getString("process_instance_id"), rs.getString("task_id"), rs.getString("recipient_user_id"),
        rs.getString("recipient_email"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
        rs.getString("calendar"), rs.getString("note"), rs.getString("status"), rs.getInt("attempts"),
        rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
  }
}
