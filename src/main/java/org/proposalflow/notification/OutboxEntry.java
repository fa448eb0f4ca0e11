package org.proposalflow.notification;

import java.time.OffsetDateTime;

/** One e-mail to one person, as kept in the {@code notification} outbox table. */
public record OutboxEntry(
    long id,
    String kind,
    String reference,
    String processInstanceId,
    String taskId,
    String recipientUserId,
    String recipientEmail,
    String language,
    String subject,
    String body,
    String calendar,
    String note,
    String status,
    int attempts,
    OffsetDateTime nextAttemptAt,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt) {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
}
