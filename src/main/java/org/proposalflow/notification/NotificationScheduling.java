package org.proposalflow.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs delivery and the overdue check in the background on every node (the outbox claims and the
 * escalation table keep two nodes from doing the same work). Off in tests, which call them directly.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "proposal-flow.notifications.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class NotificationScheduling {

  private final NotificationDelivery delivery;
  private final OverdueTasks overdueTasks;

  public NotificationScheduling(NotificationDelivery delivery, OverdueTasks overdueTasks) {
    this.delivery = delivery;
    this.overdueTasks = overdueTasks;
  }

  @Scheduled(fixedDelayString = "${proposal-flow.notifications.poll-interval:PT5S}")
  public void deliver() {
    delivery.deliverDue();
  }

  @Scheduled(fixedDelayString = "${proposal-flow.notifications.overdue-check-interval:PT10M}")
  public void escalateOverdue() {
    overdueTasks.escalate();
  }
}
