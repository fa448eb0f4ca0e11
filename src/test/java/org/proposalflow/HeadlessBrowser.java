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
 * (PF_REQUIRE_BROWSER); elsewhere they are skipped without them. A script that fails says why in
 * the test's failure message (its error, the page's address and error messages) and leaves a
 * screenshot in target/.
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
    Path errors = Files.createTempFile("browser", ".err");
    output.toFile().deleteOnExit();
    errors.toFile().deleteOnExit();
    List<String> command = new ArrayList<>(List.of("node", E2E.resolve(script).toString()));
    command.addAll(List.of(arguments));
    Process node = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
    boolean finished = node.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      node.destroyForcibly().waitFor();
    }
    String json = Files.readString(output, StandardCharsets.UTF_8);
    String stderr = Files.readString(errors, StandardCharsets.UTF_8);
    System.err.print(stderr);
    assertThat(finished).as("%s finished within 5 minutes; it printed: %s", script, stderr).isTrue();
    assertThat(node.exitValue()).as("%s exit code; it printed: %s%s", script, stderr, json).isZero();
    return new ObjectMapper().readTree(json);
  }
}
