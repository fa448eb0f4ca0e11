package org.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and resident memory of the packaged application against a minimal Spring Boot
 * application with only the Camunda webapp starter ({@code src/test/minimal-app}), both on an H2
 * file of their own, started in five rounds of one start each with the same JVM settings, who goes
 * first alternating; the ratios are taken within each round (this machine's speed drifts over
 * minutes) and their median reported with the spread. Ready: the Camunda welcome page answers (the
 * same for both); for ours also when the health endpoint says UP. Memory: VmRSS after start, and for
 * ours also after the demo portfolio (60 lifecycles through the processes).
 * Runs after packaging: {@code mvn -Pbench verify}.
 */
@Tag("startup")
class StartupMemoryBenchmark {

  private static final int ROUNDS = 5;
  private static final Path OURS = Path.of("target", "proposal-flow-0.1.0-SNAPSHOT.jar");
  private static final Path MINIMAL_PROJECT = Path.of("src", "test", "minimal-app");
  private static final Path MINIMAL = MINIMAL_PROJECT.resolve(Path.of("target", "minimal-camunda-app.jar"));
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void startUpAndMemoryAgainstAMinimalCamundaApplication() throws Exception {
    assertThat(OURS).as("packaged application").exists();
    buildMinimal();
    double[] oursSeconds = new double[ROUNDS];
    double[] oursHealthSeconds = new double[ROUNDS];
    double[] oursMiB = new double[ROUNDS];
    double[] minimalSeconds = new double[ROUNDS];
    double[] minimalMiB = new double[ROUNDS];
    double[] timeRatios = new double[ROUNDS];
    double[] memoryRatios = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      boolean oursFirst = round % 2 == 0;
      Started first = startAndStop(oursFirst ? OURS : MINIMAL);
      Started second = startAndStop(oursFirst ? MINIMAL : OURS);
      Started ours = oursFirst ? first : second;
      Started minimal = oursFirst ? second : first;
      oursSeconds[round] = ours.seconds();
      oursHealthSeconds[round] = ours.healthUpSeconds();
      oursMiB[round] = ours.residentMiB();
      minimalSeconds[round] = minimal.seconds();
      minimalMiB[round] = minimal.residentMiB();
      timeRatios[round] = ours.seconds() / minimal.seconds();
      memoryRatios[round] = ours.residentMiB() / minimal.residentMiB();
    }
    Started withPortfolio = start(OURS, true);
    waitForDemoPortfolio(withPortfolio.port());
    double afterLifecyclesMiB = residentMiB(withPortfolio.process());
    withPortfolio.stop();

    double timeRatio = BenchReport.median(timeRatios);
    double memoryRatio = BenchReport.median(memoryRatios);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("oursStartSecondsMedian", BenchReport.round(BenchReport.median(oursSeconds)));
    figures.put("minimalStartSecondsMedian", BenchReport.round(BenchReport.median(minimalSeconds)));
    figures.put("oursHealthUpSecondsMedian", BenchReport.round(BenchReport.median(oursHealthSeconds)));
    figures.put("startRatio", hundredths(timeRatio));
    figures.put("startRatioMin", hundredths(BenchReport.min(timeRatios)));
    figures.put("startRatioMax", hundredths(BenchReport.max(timeRatios)));
    figures.put("oursRssMiBAfterStart", BenchReport.round(BenchReport.median(oursMiB)));
    figures.put("minimalRssMiBAfterStart", BenchReport.round(BenchReport.median(minimalMiB)));
    figures.put("memoryRatio", hundredths(memoryRatio));
    figures.put("memoryRatioMin", hundredths(BenchReport.min(memoryRatios)));
    figures.put("memoryRatioMax", hundredths(BenchReport.max(memoryRatios)));
    figures.put("oursRssMiBAfter60Lifecycles", BenchReport.round(afterLifecyclesMiB));
    BenchReport.write("start-up and memory", "H2 file", figures, String.format(Locale.ROOT,
        "web apps answer after %.1f s (%.1f-%.1f; health UP %.1f s) against %.1f s (%.1f-%.1f) for the minimal "
            + "Camunda webapp application (%.2f times, %.2f-%.2f over the rounds); "
            + "resident memory after start %.0f MiB against %.0f MiB (%.2f times, %.2f-%.2f); %.0f MiB after 60 "
            + "lifecycles (demo portfolio); %d rounds, default JVM settings", BenchReport.median(oursSeconds),
        BenchReport.min(oursSeconds), BenchReport.max(oursSeconds), BenchReport.median(oursHealthSeconds),
        BenchReport.median(minimalSeconds), BenchReport.min(minimalSeconds), BenchReport.max(minimalSeconds),
        timeRatio, BenchReport.min(timeRatios), BenchReport.max(timeRatios), BenchReport.median(oursMiB),
        BenchReport.median(minimalMiB), memoryRatio, BenchReport.min(memoryRatios), BenchReport.max(memoryRatios),
        afterLifecyclesMiB, ROUNDS));
  }

  private static double hundredths(double ratio) {
    return Math.round(ratio * 100) / 100.0;
  }

  private Started startAndStop(Path jar) throws Exception {
    Started started = start(jar, false);
    started.stop();
    return started;
  }

  private record Started(Process process, int port, double seconds, double healthUpSeconds, double residentMiB) {
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private Started start(Path jar, boolean demoPortfolio) throws Exception {
    int port = freePort();
    Path data = Files.createTempDirectory("startup-bench");
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + OwnDatabase.H2_SETTINGS));
    if (demoPortfolio) {
      command.add("--proposal-flow.demo.portfolio=true");
    }
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(data.toFile())
        .redirectOutput(data.resolve("out.log").toFile()).redirectErrorStream(true).start();
    String welcome = "http://localhost:" + port + "/camunda/app/welcome/default/";
    while (status(welcome) != 200) {
      assertThat(process.isAlive()).as("%s running (log in %s)", jar, data).isTrue();
      assertThat(System.nanoTime() - begin).as("%s ready within 3 minutes", jar).isLessThan(180_000_000_000L);
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    double healthUpSeconds = Double.NaN;
    if (jar.equals(OURS)) {
      // health also waits for the job executor, which starts right after the application
      while (!body("http://localhost:" + port + "/actuator/health", null).contains("\"UP\"")) {
        assertThat(System.nanoTime() - begin).as("health UP within 3 minutes").isLessThan(180_000_000_000L);
        Thread.sleep(20);
      }
      healthUpSeconds = (System.nanoTime() - begin) / 1e9;
    }
    Thread.sleep(3_000);
    return new Started(process, port, seconds, healthUpSeconds, residentMiB(process));
  }

  private void waitForDemoPortfolio(int port) throws Exception {
    String portfolio = "http://localhost:" + port + "/api/portfolio";
    long begin = System.nanoTime();
    while (!body(portfolio, "marja:marja").contains("\"launched\":60")) {
      assertThat(System.nanoTime() - begin).as("demo portfolio loaded within 5 minutes").isLessThan(300_000_000_000L);
      Thread.sleep(1_000);
    }
  }

  private static double residentMiB(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  private int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String body(String url, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    }
  }

  private static void buildMinimal() throws Exception {
    Process maven = new ProcessBuilder("mvn", "-B", "-q", "-f", MINIMAL_PROJECT.resolve("pom.xml").toString(),
        "package", "-DskipTests").inheritIO().start();
    assertThat(maven.waitFor(10, TimeUnit.MINUTES) && maven.exitValue() == 0).as("minimal application built").isTrue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
