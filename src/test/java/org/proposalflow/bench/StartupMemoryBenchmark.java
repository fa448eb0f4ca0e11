package org.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up time and resident memory of the packaged application against a minimal Spring Boot
 * application with only the Camunda webapp starter ({@code src/test/minimal-app}), both on an H2
 * file of their own, started in nine rounds ({@code -Dpf.bench.startup.rounds}), who goes first
 * alternating; in each round each application starts on an empty database (the first start: schema,
 * deployment, demo users) and then again on the database it left (a restart, as on any Monday after
 * an update). The ratios are taken within each round (this machine's speed drifts over minutes) and
 * their median reported with the spread. Ready: ours when its health endpoint says UP (which waits
 * for the deployment and the job executor), the minimal one, which has no health endpoint, when its
 * job executor has started (its last start-up step, after its web apps answer); when the Camunda
 * welcome page first answers is reported for both as well, and the CPU time each used up to ready, in
 * all and in its JIT compiler threads. Memory: VmRSS after the first start, and
 * after 60 lifecycles through Tasklist's REST API on another first start, ours through its models, the
 * minimal one through the bare twins ({@link TasklistLifecycles}), in three rounds of their own. Runs
 * after packaging: {@code mvn -Pbench verify}.
 */
@Tag("startup")
class StartupMemoryBenchmark {

  /** Rounds (-Dpf.bench.startup.rounds): starts here vary by a third from one to the next, so nine by default. */
  private static final int ROUNDS = Integer.getInteger("pf.bench.startup.rounds", 9);
  /** Rounds of the memory after lifecycles (-Dpf.bench.startup.lifecycleRounds), each application once in each. */
  private static final int LIFECYCLE_ROUNDS = Integer.getInteger("pf.bench.startup.lifecycleRounds", 3);
  /** Lifecycles before the memory is read, as many as the demo portfolio's proposals. */
  private static final int LIFECYCLES = Integer.getInteger("pf.bench.startup.lifecycles", 60);
  private static final Path OURS = Path.of("target", "proposal-flow-0.1.0-SNAPSHOT.jar");
  private static final Path MINIMAL_PROJECT = Path.of("src", "test", "minimal-app");
  private static final Path MINIMAL = MINIMAL_PROJECT.resolve(Path.of("target", "minimal-camunda-app.jar"));
  /** The engine's log line when the job executor starts: the minimal application's last start-up step. */
  private static final String JOB_EXECUTOR_STARTED = "ENGINE-14014";
  private static final long THREE_MINUTES = 180_000_000_000L;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void startUpAndMemoryAgainstAMinimalCamundaApplication() throws Exception {
    assertThat(OURS).as("packaged application").exists();
    buildMinimal();
    List<Starts> ours = new ArrayList<>();
    List<Starts> minimal = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean oursFirst = round % 2 == 0;
      Starts first = startTwice(oursFirst ? OURS : MINIMAL);
      Starts second = startTwice(oursFirst ? MINIMAL : OURS);
      ours.add(oursFirst ? first : second);
      minimal.add(oursFirst ? second : first);
    }
    Map<String, String> offeredRows = new HashMap<>();
    List<Double> oursAfterLifecycles = new ArrayList<>();
    List<Double> minimalAfterLifecycles = new ArrayList<>();
    for (int round = 0; round < LIFECYCLE_ROUNDS; round++) {
      // ours first in the first round: the bare twin fills in the rows ours offered
      boolean oursFirst = round % 2 == 0;
      double first = residentAfterLifecycles(oursFirst ? OURS : MINIMAL, offeredRows);
      double second = residentAfterLifecycles(oursFirst ? MINIMAL : OURS, offeredRows);
      oursAfterLifecycles.add(oursFirst ? first : second);
      minimalAfterLifecycles.add(oursFirst ? second : first);
    }

    Figure ready = Figure.of(ours, minimal, starts -> starts.first().readySeconds());
    Figure welcome = Figure.of(ours, minimal, starts -> starts.first().welcomeSeconds());
    Figure restart = Figure.of(ours, minimal, starts -> starts.restart().readySeconds());
    Figure cpu = Figure.of(ours, minimal, starts -> starts.first().cpu().seconds());
    Figure compilers = Figure.of(ours, minimal, starts -> starts.first().cpu().compilerSeconds());
    Figure memory = Figure.of(ours, minimal, starts -> starts.first().residentMiB());
    Map<String, Object> figures = new LinkedHashMap<>();
    ready.put(figures, "ReadySeconds", "startRatio");
    cpu.put(figures, "CpuSecondsToReady", "startCpuRatio");
    compilers.put(figures, "CompilerCpuSecondsToReady", "startCompilerCpuRatio");
    welcome.put(figures, "WelcomePageSeconds", "welcomePageRatio");
    restart.put(figures, "RestartReadySeconds", "restartRatio");
    memory.put(figures, "RssMiBAfterStart", "memoryRatio");
    Figure afterLifecycles = Figure.of(oursAfterLifecycles.stream().mapToDouble(Double::doubleValue).toArray(),
        minimalAfterLifecycles.stream().mapToDouble(Double::doubleValue).toArray());
    afterLifecycles.put(figures, "RssMiBAfterLifecycles", "memoryAfterLifecyclesRatio");
    BenchReport.write("start-up and memory", "H2 file", figures, String.format(Locale.ROOT,
        "against the minimal Camunda webapp application, ready (ours: health UP; the minimal one: its job "
            + "executor started) after a first start on an empty database %s; CPU time used up to then %s, of "
            + "which the JIT compiler threads %s; web apps answering %s; "
            + "ready after a restart on the database the first start left %s; "
            + "resident memory after start %s; %d rounds; resident memory after %d lifecycles through Tasklist's "
            + "REST API (ours its models, the minimal one the bare twins) %s, %d rounds; default JVM settings",
        ready.describe("s"), cpu.describe("s"), compilers.describe("s"), welcome.describe("s"),
        restart.describe("s"), memory.describe("MiB"), ROUNDS, LIFECYCLES, afterLifecycles.describe("MiB"),
        LIFECYCLE_ROUNDS));
  }

  /** One quantity of both applications over the rounds: medians, and the ratio taken within each round. */
  private record Figure(double[] ours, double[] minimal, double[] ratios) {
    static Figure of(List<Starts> ours, List<Starts> minimal, ToDoubleFunction<Starts> value) {
      return of(ours.stream().mapToDouble(value).toArray(), minimal.stream().mapToDouble(value).toArray());
    }

    static Figure of(double[] oursValues, double[] minimalValues) {
      double[] ratios = new double[oursValues.length];
      for (int round = 0; round < ratios.length; round++) {
        ratios[round] = oursValues[round] / minimalValues[round];
      }
      return new Figure(oursValues, minimalValues, ratios);
    }

    void put(Map<String, Object> figures, String name, String ratioName) {
      figures.put("ours" + name + "Median", BenchReport.round(BenchReport.median(ours)));
      figures.put("minimal" + name + "Median", BenchReport.round(BenchReport.median(minimal)));
      figures.put(ratioName, hundredths(BenchReport.median(ratios)));
      figures.put(ratioName + "Min", hundredths(BenchReport.min(ratios)));
      figures.put(ratioName + "Max", hundredths(BenchReport.max(ratios)));
    }

    String describe(String unit) {
      String format = unit.equals("s") ? "%.1f" : "%.0f";
      return String.format(Locale.ROOT, format + " %s (" + format + "-" + format + ") against " + format
              + " %s (" + format + "-" + format + "): %.2f times (%.2f-%.2f over the rounds)",
          BenchReport.median(ours), unit, BenchReport.min(ours), BenchReport.max(ours), BenchReport.median(minimal),
          unit, BenchReport.min(minimal), BenchReport.max(minimal), BenchReport.median(ratios),
          BenchReport.min(ratios), BenchReport.max(ratios));
    }
  }

  private static double hundredths(double ratio) {
    return Math.round(ratio * 100) / 100.0;
  }

  private record Starts(Started first, Started restart) {
  }

  /**
   * A first start on an empty database, then a restart on the database it left. The database and the
   * logs are deleted after a good run; a failed start leaves them for the message that points at its log.
   */
  private Starts startTwice(Path jar) throws Exception {
    Path data = Files.createTempDirectory("startup-bench");
    Started first = start(jar, data);
    first.stop();
    Started restart = start(jar, data);
    restart.stop();
    FileSystemUtils.deleteRecursively(data);
    return new Starts(first, restart);
  }

  private record Started(Process process, int port, double welcomeSeconds, double readySeconds, CpuTime cpu,
      double residentMiB) {
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Resident memory after a first start and {@link #LIFECYCLES} lifecycles through Tasklist's REST API. */
  private double residentAfterLifecycles(Path jar, Map<String, String> offeredRows) throws Exception {
    Path data = Files.createTempDirectory("startup-bench");
    Started started = jar.equals(OURS) ? start(jar, data)
        : start(jar, data, TasklistLifecycles.ALLOW_JAVA_SERIALIZATION);
    double resident;
    try {
      (jar.equals(OURS) ? TasklistLifecycles.ours(started.port(), offeredRows)
          : TasklistLifecycles.bareTwinIn(started.port(), offeredRows)).run(LIFECYCLES);
      Thread.sleep(3_000);
      resident = residentMiB(started.process());
    } finally {
      started.stop();
    }
    FileSystemUtils.deleteRecursively(data);
    return resident;
  }

  private Started start(Path jar, Path data, String... arguments) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + OwnDatabase.H2_SETTINGS));
    command.addAll(List.of(arguments));
    Path log = data.resolve("out-" + System.nanoTime() + ".log");
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(data.toFile())
        .redirectOutput(log.toFile()).redirectErrorStream(true).start();
    String welcome = "http://localhost:" + port + "/camunda/app/welcome/default/";
    while (status(welcome) != 200) {
      waitABit(process, jar, log, begin);
    }
    double welcomeSeconds = (System.nanoTime() - begin) / 1e9;
    if (jar.equals(OURS)) {
      while (!body("http://localhost:" + port + "/actuator/health").startsWith("{\"status\":\"UP\"")) {
        waitABit(process, jar, log, begin);
      }
    } else {
      while (!Files.readString(log).contains(JOB_EXECUTOR_STARTED)) {
        waitABit(process, jar, log, begin);
      }
    }
    double readySeconds = (System.nanoTime() - begin) / 1e9;
    CpuTime cpu = CpuTime.of(process);
    Thread.sleep(3_000);
    return new Started(process, port, welcomeSeconds, readySeconds, cpu, residentMiB(process));
  }

  private static void waitABit(Process process, Path jar, Path log, long begin) throws InterruptedException {
    assertThat(process.isAlive()).as("%s running (log in %s)", jar, log).isTrue();
    assertThat(System.nanoTime() - begin).as("%s ready within 3 minutes (log in %s)", jar, log).isLessThan(THREE_MINUTES);
    Thread.sleep(20);
  }

  /**
   * The CPU time a process has used, all its threads together, and the part of it its JIT compiler
   * threads alive at that moment used (HotSpot's "C1/C2 CompilerThread"): on this machine's two cores,
   * compiling is about half of the CPU time of a start, ours and the minimal one's.
   */
  private record CpuTime(double seconds, double compilerSeconds) {
    /** Linux's clock ticks per second for /proc's times (USER_HZ, 100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100;

    static CpuTime of(Process process) throws IOException {
      double compilerTicks = 0;
      try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
        for (Path thread : threads.toList()) {
          String stat = readIfAlive(thread.resolve("stat"));
          if (stat.contains("CompilerThre")) {
            compilerTicks += ticks(stat);
          }
        }
      }
      Duration total = process.info().totalCpuDuration().orElseThrow();
      return new CpuTime(total.toNanos() / 1e9, compilerTicks / TICKS_PER_SECOND);
    }

    /** A thread that ended between the listing and the read (the JVM ends idle compiler threads) counts as "". */
    private static String readIfAlive(Path stat) throws IOException {
      try {
        return Files.readString(stat);
      } catch (NoSuchFileException e) {
        return "";
      }
    }

    /** utime + stime of /proc/.../stat, the 14th and 15th fields (the name before them may hold spaces). */
    private static long ticks(String stat) {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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

  private String body(String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
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
