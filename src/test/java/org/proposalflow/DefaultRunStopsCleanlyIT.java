package org.proposalflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on its embedded default (H2 in ./data), stopped as Ctrl-C or a service manager
 * stops it (SIGTERM): the application closes the database after its own shutdown, so the stop logs
 * no error and the data is there for the next start.
 */
class DefaultRunStopsCleanlyIT {

  @TempDir
  Path workingDirectory;

  @Test
  void aStoppedDefaultRunLogsNoErrorAndLeavesItsDatabase() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = workingDirectory.resolve("out.log");
    Process process = PackagedJar.process(List.of(), "--server.port=" + port).directory(workingDirectory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!isUp(http, health)) {
        assertThat(process.isAlive()).as("running, log: %s", Files.readString(log)).isTrue();
        assertThat(System.nanoTime()).as("up within 3 minutes").isLessThan(deadline);
        Thread.sleep(200);
      }
    } finally {
      process.destroy();
    }

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
    String output = Files.readString(log);
    assertThat(output).contains("Started ProposalFlowApplication").doesNotContain(" ERROR ").doesNotContain(" WARN ");
    assertThat(workingDirectory.resolve("data").resolve("proposal-flow.mv.db")).exists();
  }

  private static boolean isUp(HttpClient http, HttpRequest health) throws InterruptedException {
    try {
      return http.send(health, HttpResponse.BodyHandlers.ofString()).body().startsWith("{\"status\":\"UP\"");
    } catch (IOException notYet) {
      return false;
    }
  }
}
