package org.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proposalflow.notification.NotificationDelivery;
import org.proposalflow.notification.NotificationKind;
import org.proposalflow.notification.NotificationOutbox;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 10,000 notifications due at once, drained by two delivery workers (two nodes' worth) into a local
 * SMTP server: time to drain, mails per second, duplicates, lost, heap. A measurement, not a test of
 * speed: it fails only when a mail is lost or doubled. Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
// each benchmark closes its engine: two Spring contexts with an engine "default" cannot live in one JVM
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest
@ActiveProfiles("test")
class NotificationDrainBenchmark {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.forBenchmark(registry, "drain");
  }

  private static final int NOTIFICATIONS = 10_000;
  private static final int WARM_UP = 1_000;
  private static final int RUNS = 3;
  private static final int WORKERS = 2;

  @Autowired
  private NotificationOutbox outbox;
  @Autowired
  private JavaMailSenderImpl mailSender;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private TransactionTemplate transaction;
  @Value("${spring.datasource.url}")
  private String databaseUrl;

  @Test
  void drainTenThousandNotifications() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    try {
      drain(smtp, WARM_UP);
      double[] seconds = new double[RUNS];
      double[] perSecond = new double[RUNS];
      double[] peakHeapMiB = new double[RUNS];
      int duplicates = 0;
      int lost = 0;
      for (int run = 0; run < RUNS; run++) {
        Result result = drain(smtp, NOTIFICATIONS);
        seconds[run] = result.seconds();
        perSecond[run] = NOTIFICATIONS / result.seconds();
        peakHeapMiB[run] = result.peakHeapBytes() / (1024.0 * 1024.0);
        duplicates += result.duplicates();
        lost += result.lost();
      }
      String database = databaseUrl.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2";
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("notifications", NOTIFICATIONS);
      figures.put("runs", RUNS);
      figures.put("workers", WORKERS);
      figures.put("drainSecondsMedian", BenchReport.round(BenchReport.median(seconds)));
      figures.put("drainSecondsMin", BenchReport.round(BenchReport.min(seconds)));
      figures.put("drainSecondsMax", BenchReport.round(BenchReport.max(seconds)));
      figures.put("mailsPerSecondMedian", BenchReport.round(BenchReport.median(perSecond)));
      figures.put("peakHeapMiBMedian", BenchReport.round(BenchReport.median(peakHeapMiB)));
      figures.put("duplicates", duplicates);
      figures.put("lost", lost);
      BenchReport.write("notification drain", database, figures, String.format(
          "%d mails, %d workers: %.1f s median (%.1f–%.1f), %.0f mails/s, peak heap %.0f MiB, duplicates %d, lost %d",
          NOTIFICATIONS, WORKERS, BenchReport.median(seconds), BenchReport.min(seconds), BenchReport.max(seconds),
          BenchReport.median(perSecond), BenchReport.median(peakHeapMiB), duplicates, lost));
      System.out.println("notification drain on " + database + ": " + figures);
      assertThat(duplicates).as("duplicates").isZero();
      assertThat(lost).as("lost").isZero();
    } finally {
      smtp.stop();
    }
  }

  private record Result(double seconds, long peakHeapBytes, int duplicates, int lost) {
  }

  private Result drain(GreenMail smtp, int count) throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    Set<String> expected = enqueue(count);
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peakHeap = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
    try {
      List<Callable<Integer>> workers = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) {
        NotificationDelivery node = new NotificationDelivery(outbox, mailSender, runtimeService,
            "Proposal Flow <proposal-flow@localhost>", 100, 8, Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofMinutes(2));
        workers.add(node::deliverDue);
      }
      var sampler = pool.submit(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      long start = System.nanoTime();
      while (pendingCount() > 0) {
        for (var done : pool.invokeAll(workers)) {
          done.get();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.cancel(true);
      Map<String, Integer> received = new HashMap<>();
      for (MimeMessage mail : smtp.getReceivedMessages()) {
        received.merge(mail.getHeader("X-Proposal-Flow-Notification")[0], 1, Integer::sum);
      }
      int duplicates = received.values().stream().mapToInt(n -> n - 1).sum();
      Set<String> missing = new HashSet<>(expected);
      missing.removeAll(received.keySet());
      return new Result(seconds, peakHeap.get(), duplicates, missing.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private Set<String> enqueue(int count) {
    long before = maxId();
    transaction.executeWithoutResult(status -> {
      for (int i = 0; i < count; i++) {
        outbox.add(new NotificationOutbox.NewNotification(NotificationKind.DEADLINE_REMINDER, null, null, null,
            "bench" + (i % 50), "bench" + (i % 50) + "@proposalflow.example", "en", "Benchmark " + i,
            "A reminder body of realistic length.\n".repeat(12), null, null, null), Inputs.now());
      }
    });
    Set<String> ids = new HashSet<>();
    jdbc.queryForList("select id from notification where id > ?", Long.class, before).forEach(id -> ids.add(id.toString()));
    return ids;
  }

  private long maxId() {
    Long max = jdbc.queryForObject("select max(id) from notification", Long.class);
    return max == null ? 0 : max;
  }

  private int pendingCount() {
    return jdbc.queryForObject("select count(*) from notification where status = 'PENDING'", Integer.class);
  }
}
