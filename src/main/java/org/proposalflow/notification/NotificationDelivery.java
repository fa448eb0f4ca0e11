package org.proposalflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.proposalflow.validation.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends what the outbox holds, outside any engine transaction: claims a batch of due notifications,
 * sends them one by one over one SMTP connection, marks each sent or schedules its next attempt with
 * exponential backoff. After the last attempt the notification is failed for good, logged, and
 * raised as an incident on the proposal's process instance in Cockpit.
 */
@Service
public class NotificationDelivery implements SmartLifecycle {

  public static final String INCIDENT_TYPE = "notificationDelivery";
  private static final int MAX_LOST_RACES = 10;
  private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

  private final NotificationOutbox outbox;
  private final JavaMailSenderImpl mailSender;
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
   * that delivery finishes the mail it is sending, gives back the rest of its batch for another node
   * to send at once, and claims no more, so it ends well within the wait.
   */
  private volatile boolean stopping;

  public NotificationDelivery(NotificationOutbox outbox, JavaMailSenderImpl mailSender, RuntimeService runtimeService,
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
      Instant now = Inputs.now();
      List<OutboxEntry> batch = outbox.claimDue(token, now, lease, batchSize);
      if (batch.isEmpty()) {
        // another node may have claimed the rows this claim aimed at; try the next ones
        if (lostRaces++ < MAX_LOST_RACES && outbox.hasDueUnclaimed(Inputs.now())) {
          continue;
        }
        return sent;
      }
      BatchResult result = send(batch, new Claim(token, now.plus(lease), batch));
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

  /**
   * Sends the batch one mail after another over one connection, marking each sent as soon as the
   * server has taken it.
   */
  private BatchResult send(List<OutboxEntry> batch, Claim claim) {
    int sent = 0;
    try (SmtpConnection connection = new SmtpConnection(mailSender)) {
      for (int i = 0; i < batch.size(); i++) {
        if (stopping) {
          outbox.release(claim.token);
          break;
        }
        OutboxEntry entry = batch.get(i);
        if (!claim.holds(entry.id())) {
          continue;
        }
        try {
          connection.ensureConnected();
        } catch (MessagingException | RuntimeException e) {
          List<OutboxEntry> waiting = batch.subList(i, batch.size()).stream().filter(rest -> claim.holds(rest.id()))
              .toList();
          waiting.forEach(rest -> failAttempt(rest, claim.token, e.getMessage()));
          log.warn("Mail server unreachable; {} notifications wait for the next attempt: {}", waiting.size(),
              e.getMessage());
          return new BatchResult(sent, true);
        }
        if (sendOne(connection, entry, claim.token)) {
          sent++;
        }
      }
    }
    return new BatchResult(sent, false);
  }

  private boolean sendOne(SmtpConnection connection, OutboxEntry entry, String token) {
    MimeMessage message;
    try {
      message = toMessage(entry);
    } catch (MessagingException | RuntimeException e) {
      failAttempt(entry, token, "cannot build the message: " + e.getMessage());
      return false;
    }
    try {
      connection.send(message);
    } catch (MessagingException | RuntimeException e) {
      failAttempt(entry, token, e.getMessage());
      return false;
    }
    outbox.markSent(entry.id(), token, Inputs.now());
    return true;
  }

  /**
   * A batch's claim, renewed whenever half of its lease has passed, so a batch that takes longer than
   * the lease (a slow mail server) is not claimed and sent again by another node.
   */
  private final class Claim {
    private final String token;
    private Instant until;
    private Set<Long> ids;

    Claim(String token, Instant until, List<OutboxEntry> batch) {
      this.token = token;
      this.until = until;
      this.ids = batch.stream().map(OutboxEntry::id).collect(Collectors.toSet());
    }

    boolean holds(long id) {
      Instant now = Inputs.now();
      if (now.isAfter(until.minus(lease.dividedBy(2)))) {
        until = now.plus(lease);
        ids = outbox.renewClaim(token, until);
      }
      return ids.contains(id);
    }
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
}
