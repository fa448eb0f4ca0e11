package org.proposalflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the browser scripts in src/test/e2e (playwright-core driving Debian's headless
 * chromium) and reads the JSON it prints. CI installs both and requires the browser tests to run
 * (PF_REQUIRE_BROWSER); elsewhere they are skipped without them.
 */
public final class HeadlessBrowser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path E2E = Path.of("src", "test", "e2e");

  private HeadlessBrowser() {
  }

  public static JsonNode run(String script, String... arguments) throws Exception {
    boolean browserReady = Files.isExecutable(CHROMIUM) && Files.isDirectory(E2E.resolve("node_modules/playwright-core"));
    if (System.getenv("PF_REQUIRE_BROWSER") != null) {
      assertThat(browserReady).as("chromium and src/test/e2e/node_modules installed").isTrue();
    }
    assumeTrue(browserReady, "Debian chromium and playwright-core (npm ci --prefix src/test/e2e) installed");
    Path output = Files.createTempFile("browser", ".json");
    List<String> command = new ArrayList<>(List.of("node", E2E.resolve(script).toString()));
    command.addAll(List.of(arguments));
    Process node = new ProcessBuilder(command)
        .redirectOutput(output.toFile()).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (!node.waitFor(120, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("the browser did not finish within 2 minutes");
    }
    String json = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as(json).isZero();
    return new ObjectMapper().readTree(json);
  }
}
