package org.proposalflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Two delivery workers on one database (as two application nodes are) drain the same outbox
 * concurrently: every notification arrives exactly once.
 */
class TwoNodeDeliveryTest extends ProcessTestSupport {

  private static final int NOTIFICATIONS = 300;

  @Autowired
  private NotificationOutbox outbox;
  @Autowired
  private NotificationDelivery delivery;
  @Autowired
  private JavaMailSenderImpl mailSender;
  @Autowired
  private RuntimeService runtime;

  private GreenMail smtp;

  @BeforeEach
  void startSmtpWithAnEmptyOutbox() throws Exception {
    smtp = TestSmtp.startWithEmptyOutbox(delivery);
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void twoNodesDeliverEachNotificationExactlyOnce() throws Exception {
    enqueue(NOTIFICATIONS);
    List<NotificationDelivery> nodes = List.of(node(), node());

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(nodes.size());
      List<Future<Integer>> sent = pool.invokeAll(nodes.stream().map(node -> (Callable<Integer>) () -> {
        start.await();
        return node.deliverDue();
      }).toList());
      int total = 0;
      for (Future<Integer> count : sent) {
        total += count.get();
      }
      assertThat(total).isEqualTo(NOTIFICATIONS);
      assertThat(sent).as("both nodes took part").allSatisfy(count -> assertThat(count.get()).isPositive());
    } finally {
      pool.shutdown();
    }

    List<String> ids = Arrays.stream(smtp.getReceivedMessages()).map(TwoNodeDeliveryTest::notificationId).toList();
    assertThat(ids).hasSize(NOTIFICATIONS).doesNotHaveDuplicates();
    assertThat(outbox.countByStatus()).doesNotContainKey(OutboxEntry.PENDING);
  }

  @Test
  void aBatchThatTakesLongerThanTheClaimLeaseIsNotSentAgainByTheOtherNode() throws Exception {
    // a lease far shorter than the batch takes, as with a slow mail server: the sending node keeps
    // renewing its claim while the other node polls as its scheduler does
    Duration lease = Duration.ofSeconds(1);
    int batch = 2_000;
    enqueue(batch);
    NotificationDelivery slow = node(batch, lease);
    NotificationDelivery polling = node(batch, lease);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long start = System.nanoTime();
      Future<Integer> sentBySlow = pool.submit(slow::deliverDue);
      Future<Integer> sentByPolling = pool.submit(() -> {
        int sent = 0;
        while (!sentBySlow.isDone()) {
          sent += polling.deliverDue();
          Thread.sleep(50);
        }
        return sent;
      });
      int sent = sentBySlow.get() + sentByPolling.get();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the batch outlasted its first lease")
          .isGreaterThan(lease);
      assertThat(sent).isEqualTo(batch);
    } finally {
      pool.shutdown();
    }

    List<String> ids = Arrays.stream(smtp.getReceivedMessages()).map(TwoNodeDeliveryTest::notificationId).toList();
    assertThat(ids).hasSize(batch).doesNotHaveDuplicates();
  }

  @Test
  void aNodeStoppedInTheMiddleOfABatchGivesBackTheRestAndTheOtherNodeSendsItAtOnce() throws Exception {
    int batch = 1_000;
    enqueue(batch);
    NotificationDelivery stopped = node(batch, Duration.ofMinutes(2));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> sentBeforeTheStop = pool.submit(stopped::deliverDue);
      assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
      stopped.stop();
      assertThat(sentBeforeTheStop.get()).isBetween(1, batch - 1);
    } finally {
      pool.shutdown();
    }

    int givenBack = batch - smtp.getReceivedMessages().length;
    assertThat(node(batch, Duration.ofMinutes(2)).deliverDue()).as("no claim left to expire first")
        .isEqualTo(givenBack);
    List<String> ids = Arrays.stream(smtp.getReceivedMessages()).map(TwoNodeDeliveryTest::notificationId).toList();
    assertThat(ids).hasSize(batch).doesNotHaveDuplicates();
  }

  @Test
  void whatACrashedNodeHadClaimedIsDeliveredByAnotherOnceTheClaimExpires() throws Exception {
    outbox.add(new NotificationOutbox.NewNotification(NotificationKind.DEADLINE_REMINDER, null, null, null,
        "eero", "eero.rantalumi@proposalflow.example", "en", "Crash test", "Body", null, null, null), Inputs.now());
    List<OutboxEntry> claimedByTheCrashedNode = outbox.claimDue("crashed-node", Inputs.now(), Duration.ofMinutes(2), 10);
    assertThat(claimedByTheCrashedNode).hasSize(1);

    NotificationDelivery survivor = node();
    assertThat(survivor.deliverDue()).as("still claimed").isZero();
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(3))));
      assertThat(survivor.deliverDue()).isEqualTo(1);
    } finally {
      ClockUtil.reset();
    }
    assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Crash test");
  }

  private void enqueue(int count) {
    List<NotificationOutbox.NewNotification> notifications = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      notifications.add(new NotificationOutbox.NewNotification(NotificationKind.DEADLINE_REMINDER, null, null, null,
          "aino", "aino.kivikaamos@proposalflow.example", "en", "Two-node test " + i, "Body " + i, null, null, null));
    }
    outbox.addAll(notifications, Inputs.now());
  }

  private NotificationDelivery node() {
    return node(20, Duration.ofMinutes(2));
  }

  private NotificationDelivery node(int batchSize, Duration lease) {
    return new NotificationDelivery(outbox, mailSender, runtime, "Proposal Flow <proposal-flow@localhost>", batchSize,
        3, Duration.ofMinutes(1), Duration.ofHours(1), lease);
  }

  private static String notificationId(MimeMessage mail) {
    try {
      return mail.getHeader("X-Proposal-Flow-Notification")[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
