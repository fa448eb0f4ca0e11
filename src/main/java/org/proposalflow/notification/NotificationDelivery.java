package org.proposalflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.proposalflow.validation.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends what the outbox holds, outside any engine transaction: claims a batch of due notifications,
 * sends them over one SMTP connection, marks each sent or schedules its next attempt with
 * exponential backoff. After the last attempt the notification is failed for good, logged, and
 * raised as an incident on the proposal's process instance in Cockpit.
 */
@Service
public class NotificationDelivery implements SmartLifecycle {

  public static final String INCIDENT_TYPE = "notificationDelivery";
  private static final int MAX_LOST_RACES = 10;
  private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

  private final NotificationOutbox outbox;
  private final JavaMailSender mailSender;
  private final RuntimeService runtimeService;
  private final String from;
  private final int batchSize;
  private final int maxAttempts;
  private final Duration firstRetryDelay;
  private final Duration maxRetryDelay;
  private final Duration lease;
  private final String node = UUID.randomUUID().toString().substring(0, 8);
  /**
   * Set when the node is being stopped, before the scheduler waits for the delivery in progress:
   * that delivery sends the batch it holds and claims no more, so it ends within the wait, and no
   * batch is cut off between its sending and its marking as sent (another node would send it again).
   */
  private volatile boolean stopping;

  public NotificationDelivery(NotificationOutbox outbox, JavaMailSender mailSender, RuntimeService runtimeService,
      @Value("${proposal-flow.notifications.from}") String from,
      @Value("${proposal-flow.notifications.batch-size:100}") int batchSize,
      @Value("${proposal-flow.notifications.max-attempts:8}") int maxAttempts,
      @Value("${proposal-flow.notifications.first-retry-delay:PT30S}") Duration firstRetryDelay,
      @Value("${proposal-flow.notifications.max-retry-delay:PT1H}") Duration maxRetryDelay,
      @Value("${proposal-flow.notifications.claim-lease:PT2M}") Duration lease) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.runtimeService = runtimeService;
    this.from = from;
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
    this.firstRetryDelay = firstRetryDelay;
    this.maxRetryDelay = maxRetryDelay;
    this.lease = lease;
  }

  /** Delivers every notification due now, batch after batch; returns how many were sent. */
  public int deliverDue() {
    int sent = 0;
    int lostRaces = 0;
    while (!stopping) {
      String token = node + ":" + UUID.randomUUID();
      List<OutboxEntry> batch = outbox.claimDue(token, Inputs.now(), lease, batchSize);
      if (batch.isEmpty()) {
        // another node may have claimed the rows this claim aimed at; try the next ones
        if (lostRaces++ < MAX_LOST_RACES && outbox.hasDueUnclaimed(Inputs.now())) {
          continue;
        }
        return sent;
      }
      BatchResult result = send(batch, token);
      sent += result.sent();
      if (result.serverUnreachable() || batch.size() < batchSize) {
        return sent;
      }
    }
    return sent;
  }

  @Override
  public void start() {
    stopping = false;
  }

  @Override
  public void stop() {
    stopping = true;
  }

  @Override
  public boolean isRunning() {
    return !stopping;
  }

  private record BatchResult(int sent, boolean serverUnreachable) {
  }

  private BatchResult send(List<OutboxEntry> batch, String token) {
    Map<MimeMessage, OutboxEntry> messages = new IdentityHashMap<>();
    for (OutboxEntry entry : batch) {
      try {
        messages.put(toMessage(entry), entry);
      } catch (MessagingException | RuntimeException e) {
        failAttempt(entry, token, "cannot build the message: " + e.getMessage());
      }
    }
    Map<Object, Exception> failures = Map.of();
    try {
      mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      failures = e.getFailedMessages();
    } catch (MailException e) {
      failures = new IdentityHashMap<>();
      for (MimeMessage message : messages.keySet()) {
        failures.put(message, e);
      }
    }
    boolean unreachable = failures.values().stream().anyMatch(NotificationDelivery::isConnectionFailure);
    int sent = 0;
    Instant now = Inputs.now();
    for (Map.Entry<MimeMessage, OutboxEntry> message : messages.entrySet()) {
      Exception failure = failures.get(message.getKey());
      if (failure == null) {
        outbox.markSent(message.getValue().id(), token, now);
        sent++;
      } else {
        failAttempt(message.getValue(), token, failure.getMessage());
      }
    }
    if (unreachable) {
      log.warn("Mail server unreachable; {} notifications wait for the next attempt", failures.size());
    }
    return new BatchResult(sent, unreachable);
  }

  private void failAttempt(OutboxEntry entry, String token, String error) {
    int attempt = entry.attempts() + 1;
    if (attempt < maxAttempts) {
      outbox.markAttemptFailed(entry.id(), token, error, Inputs.now().plus(backoff(attempt)));
      return;
    }
    outbox.markAttemptFailed(entry.id(), token, error, null);
    log.error("Notification {} to {} failed for good after {} attempts: {}", entry.id(), entry.recipientEmail(),
        attempt, error);
    raiseIncident(entry, error);
  }

  /** 30 s, 1 min, 2 min, 4 min, ... capped at the maximum delay. */
  Duration backoff(int attempt) {
    Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }

  private void raiseIncident(OutboxEntry entry, String error) {
    if (entry.processInstanceId() == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(entry.processInstanceId()).count() == 0) {
      return;
    }
    Incident incident = runtimeService.createIncident(INCIDENT_TYPE, entry.processInstanceId(),
        Long.toString(entry.id()), "E-mail " + entry.id() + " to " + entry.recipientEmail() + " ("
            + entry.subject() + ") failed after " + maxAttempts + " attempts: " + error);
    outbox.recordIncident(entry.id(), incident.getId());
  }

  private MimeMessage toMessage(OutboxEntry entry) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, entry.calendar() != null, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(entry.recipientEmail());
    helper.setSubject(entry.subject());
    helper.setText(entry.body());
    if (entry.calendar() != null) {
      helper.addAttachment("call-deadline.ics",
          new ByteArrayResource(entry.calendar().getBytes(StandardCharsets.UTF_8)), "text/calendar; charset=UTF-8");
    }
    message.setHeader("X-Proposal-Flow-Notification", Long.toString(entry.id()));
    return message;
  }

  private static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || String.valueOf(t.getMessage()).contains("Couldn't connect")) {
        return true;
      }
    }
    return false;
  }
}
