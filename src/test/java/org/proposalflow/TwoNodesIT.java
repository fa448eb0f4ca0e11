package org.proposalflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes, each the packaged jar started as the Docker image starts it, on one
 * PostgreSQL database: 1,000 deadline reminders fall due at once; one node is stopped in the middle
 * of the burst; the other finishes, and every reminder is recorded and mailed exactly once. Work
 * done on one node is seen on the other; the database restarts and the node carries on by itself.
 * Runs with {@code mvn verify -Ppostgres}.
 */
class TwoNodesIT {

  private static final int PROPOSALS = 1_000;
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "two-nodes-admin-secret";
  private static final int SMTP_PORT = 3027;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<Process> nodes = new ArrayList<>();
  private GreenMail smtp;

  @AfterEach
  void stopEverything() {
    nodes.forEach(Process::destroyForcibly);
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void thousandRemindersDueAtOnceAreDeliveredOnceEvenWhenANodeStops() throws Exception {
    String server = System.getProperty("pf.it.postgres.server");
    assumeTrue(server != null, "runs with -Ppostgres");
    String databaseUrl = freshDatabase(server, "proposalflow_twonodes");
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();

    int portA = 18081;
    int portB = 18082;
    Process nodeA = start(databaseUrl, portA, "node-a");
    awaitHealthy(portA);
    Process nodeB = start(databaseUrl, portB, "node-b");
    awaitHealthy(portB);
    createPeople(portA);

    // every proposal's only reminder (1 day before its deadline) falls due at the same moment
    OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).plusSeconds(150).withNano(0);
    List<String> references = startProposals(List.of(portA, portB), deadline);
    assertThat(references).hasSize(PROPOSALS).doesNotHaveDuplicates();

    // tasks completed on either node are seen on both
    String screeningOnA = firstTask(portA, "helmi", references.get(0));
    post(portA, "helmi", "/engine-rest/task/" + screeningOnA + "/claim", "{\"userId\": \"helmi\"}");
    post(portA, "helmi", "/engine-rest/task/" + screeningOnA + "/complete",
        "{\"variables\": {\"screeningDecision\": {\"value\": \"go\"}}}");
    assertThat(get(portB, "helmi", "/engine-rest/history/task?taskId=" + screeningOnA + "&finished=true")).hasSize(1);
    assertThat(get(portB, "aino", "/engine-rest/task?processInstanceBusinessKey=" + references.get(0))
        .findValuesAsText("taskDefinitionKey")).containsExactly("Task_ChoosePartners");

    Instant due = deadline.minusDays(1).toInstant();
    waitUntil(Duration.ofMinutes(5), () -> Instant.now().isAfter(due));
    waitUntil(Duration.ofMinutes(2), () -> remindersRecorded(databaseUrl) > 0);
    nodeA.destroy();
    long mailedWhenAStopped = count(databaseUrl,
        "select count(*) from notification where kind = 'DEADLINE_REMINDER' and status = 'SENT'");
    assertThat(nodeA.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("node A stopped").isTrue();

    waitUntil(Duration.ofMinutes(5), () -> reminderTimersLeft(databaseUrl) == 0 && pendingMails(databaseUrl) == 0);
    Map<String, Integer> mails = new HashMap<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      mails.merge(mail.getHeader("X-Proposal-Flow-Notification")[0], 1, Integer::sum);
    }
    long recorded = count(databaseUrl, "select count(*) from notification");
    long reminders = remindersRecorded(databaseUrl);
    System.out.printf("two nodes: %d reminder e-mails recorded (%d sent when node A was stopped), %d notifications, "
        + "%d mails%n", reminders, mailedWhenAStopped, recorded, mails.size());

    assertThat(mailedWhenAStopped).as("node A was stopped in the middle of the burst").isLessThan(3L * PROPOSALS);
    assertThat(reminders).as("each of the 1,000 reminders to its 3 people, once").isEqualTo(3L * PROPOSALS);
    assertThat(count(databaseUrl, "select count(*) from notification where status <> 'SENT'")).isZero();
    assertThat(mails).as("every notification mailed").hasSize((int) recorded);
    assertThat(mails.values()).as("and mailed once").allMatch(n -> n == 1);
    assertThat(nodeB.isAlive()).isTrue();

    // the database restarts under the running node: it recovers by itself and nothing committed is lost
    long proposalsBefore = count(databaseUrl, "select count(*) from proposal");
    restartPostgres();
    waitUntil(Duration.ofMinutes(2), () -> {
      try {
        return post(portB, "aino", "/engine-rest/process-definition/key/proposal-lifecycle/start",
            idea(PROPOSALS, deadline.plusDays(30))).contains("businessKey");
      } catch (Throwable stillDown) {
        return false;
      }
    });
    assertThat(count(databaseUrl, "select count(*) from proposal")).isEqualTo(proposalsBefore + 1);
    assertThat(get(portB, "helmi", "/engine-rest/history/task?taskId=" + screeningOnA + "&finished=true")).hasSize(1);
  }

  private static void restartPostgres() throws Exception {
    Path clusters = Path.of("/etc/postgresql");
    assumeTrue(Files.isDirectory(clusters), "a local Debian PostgreSQL cluster to restart");
    String version;
    try (var versions = Files.list(clusters)) {
      version = versions.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
    }
    Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
        .redirectErrorStream(true).start();
    assertThat(restart.waitFor()).as(new String(restart.getInputStream().readAllBytes())).isZero();
  }

  private Process start(String databaseUrl, int port, String name) throws Exception {
    ProcessBuilder builder = PackagedJar.process(List.of("-Xmx768m"),
        "--server.port=" + port,
        "--proposal-flow.notifications.poll-interval=PT1S",
        "--proposal-flow.notifications.claim-lease=PT20S",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.job-execution.lock-time-in-millis=20000");
    Map<String, String> env = builder.environment();
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("PROPOSAL_FLOW_DB_URL", databaseUrl);
    env.put("PROPOSAL_FLOW_DB_USER", "postgres");
    env.put("PROPOSAL_FLOW_DB_PASSWORD", "");
    env.put("PROPOSAL_FLOW_ADMIN_ID", ADMIN);
    env.put("PROPOSAL_FLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", Integer.toString(SMTP_PORT));
    File log = Path.of("target", "two-nodes-" + name + ".log").toFile();
    builder.redirectErrorStream(true).redirectOutput(log);
    Process process = builder.start();
    nodes.add(process);
    return process;
  }

  private void createPeople(int port) throws Exception {
    String[][] people = {
        {"aino", "Aino", "Kivikaamos", "industryWriters"}, {"eero", "Eero", "Rantalumi", "industryWriters"},
        {"helmi", "Helmi", "Jokivaara", "industryManagers"}};
    for (String[] person : people) {
      post(port, ADMIN, "/engine-rest/user/create", json.writeValueAsString(Map.of(
          "profile", Map.of("id", person[0], "firstName", person[1], "lastName", person[2],
              "email", person[0] + "@proposalflow.example"),
          "credentials", Map.of("password", person[0]))));
      send(port, ADMIN, HttpRequest.newBuilder(uri(port, "/engine-rest/group/" + person[3] + "/members/" + person[0]))
          .PUT(HttpRequest.BodyPublishers.noBody()));
    }
  }

  private List<String> startProposals(List<Integer> ports, OffsetDateTime deadline) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < PROPOSALS; i++) {
        int port = ports.get(i % ports.size());
        int number = i;
        started.add(pool.submit(() -> json.readTree(post(port, "aino",
            "/engine-rest/process-definition/key/proposal-lifecycle/start", idea(number, deadline)))
            .get("businessKey").asText()));
      }
      List<String> references = new ArrayList<>();
      for (Future<String> reference : started) {
        references.add(reference.get());
      }
      return references;
    } finally {
      pool.shutdown();
    }
  }

  private String idea(int number, OffsetDateTime deadline) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    Map<String, Object> values = Map.ofEntries(
        Map.entry("title", "Two-node proposal " + number), Map.entry("acronym", "TWO" + number),
        Map.entry("cluster", "industry"), Map.entry("summary", "Load on two nodes."),
        Map.entry("programme", "interregAurora"), Map.entry("callIdentifier", "AURORA-2027-" + number),
        Map.entry("callDeadline", deadline.toString()), Map.entry("estimatedBudget", 1_000_000),
        Map.entry("regionalShare", 300_000), Map.entry("leadOrganisation", "Digipolis"),
        Map.entry("contactPerson", "Aino Kivikaamos"), Map.entry("reminderDays", "1"));
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return json.writeValueAsString(Map.of("variables", variables));
  }

  private String firstTask(int port, String user, String reference) throws Exception {
    return get(port, user, "/engine-rest/task?processInstanceBusinessKey=" + reference).get(0).get("id").asText();
  }

  private String post(int port, String user, String path, String body) throws Exception {
    return send(port, user, HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode get(int port, String user, String path) throws Exception {
    return json.readTree(send(port, user, HttpRequest.newBuilder(uri(port, path)).GET()));
  }

  private String send(int port, String user, HttpRequest.Builder request) throws Exception {
    String password = user.equals(ADMIN) ? ADMIN_PASSWORD : user;
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + credentials).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(request.build().uri() + ": " + response.body()).isBetween(200, 299);
    return response.body();
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private void awaitHealthy(int port) throws Exception {
    waitUntil(Duration.ofMinutes(3), () -> {
      try {
        return http.send(HttpRequest.newBuilder(uri(port, "/actuator/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body().contains("UP");
      } catch (Exception notYet) {
        return false;
      }
    });
  }

  private static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  private static long remindersRecorded(String databaseUrl) {
    return count(databaseUrl, "select count(*) from notification where kind = 'DEADLINE_REMINDER'");
  }

  private static long reminderTimersLeft(String databaseUrl) {
    return count(databaseUrl, "select count(*) from act_ru_job j join act_re_procdef d on j.process_def_id_ = d.id_ "
        + "where d.key_ = 'deadline-reminders'");
  }

  private static long pendingMails(String databaseUrl) {
    return count(databaseUrl, "select count(*) from notification where status = 'PENDING'");
  }

  private static long count(String databaseUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String freshDatabase(String server, String name) throws Exception {
    try (Connection connection = DriverManager.getConnection(server + "/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    }
    return server + "/" + name;
  }
}
