package org.proposalflow.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "Proposal portfolio" dashboard inside Cockpit, in a real headless Chromium (Debian's, driven by
 * playwright-core: src/test/e2e): a manager logs in, opens the dashboard and sees the figures the
 * REST endpoint gives them, and only their clusters.
 */
class CockpitDashboardTest extends ProcessTestSupport {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path E2E = Path.of("src", "test", "e2e");

  @LocalServerPort
  private int port;
  @Autowired
  private TestRestTemplate rest;

  @Test
  void aClusterManagerSeesTheirClustersFiguresOnTheDashboard() throws Exception {
    startIdea(validIdea());
    Map<String, Object> design = validIdea();
    design.put("cluster", "design");
    startIdea(design);
    Map<String, Object> life = validIdea();
    life.put("programme", "life");
    startIdea(life);
    int year = java.time.LocalDate.now().getYear() - 1;
    JsonNode expected = new ObjectMapper().readTree(rest.withBasicAuth("helmi", "helmi")
        .getForObject("/api/portfolio?from=" + year + "-01-01", String.class));

    JsonNode lifeOnly = new ObjectMapper().readTree(rest.withBasicAuth("helmi", "helmi")
        .getForObject("/api/portfolio?from=" + year + "-01-01&programme=life", String.class));

    JsonNode dashboard = dashboardAs("helmi", "life");

    assertThat(dashboard.get("title").asText()).isEqualTo("Proposal portfolio");
    assertThat(dashboard.get("kpis").get("Launched").asText()).isEqualTo(expected.get("total").get("launched").asText());
    assertThat(dashboard.get("kpis").get("Submitted").asText())
        .isEqualTo(expected.get("total").get("submitted").asText());
    assertThat(texts(dashboard.get("clusters"))).containsExactly("industry");
    assertThat(texts(dashboard.get("targets"))).contains("proposalsFunded", "eurosToTheRegion");
    assertThat(texts(dashboard.get("funnel"))).containsExactlyElementsOf(expected.findValuesAsText("proposals"));
    JsonNode filtered = dashboard.get("filtered");
    assertThat(lifeOnly.get("total").get("launched").asLong()).isPositive()
        .isLessThan(expected.get("total").get("launched").asLong());
    assertThat(filtered.get("kpis").get("Launched").asText()).isEqualTo(lifeOnly.get("total").get("launched").asText());
    assertThat(filtered.get("csvLink").asText()).startsWith("/api/portfolio/proposals.csv?").contains("programme=life");
  }

  @Test
  void aPortfolioManagerSeesEveryCluster() throws Exception {
    startIdea(validIdea());
    Map<String, Object> design = validIdea();
    design.put("cluster", "design");
    startIdea(design);

    JsonNode dashboard = dashboardAs("marja", null);

    assertThat(texts(dashboard.get("clusters"))).contains("design", "industry");
  }

  private JsonNode dashboardAs(String user, String programme) throws Exception {
    boolean browserReady = Files.isExecutable(CHROMIUM) && Files.isDirectory(E2E.resolve("node_modules/playwright-core"));
    // CI installs the browser and requires this test to run; elsewhere it is skipped without one
    if (System.getenv("PF_REQUIRE_BROWSER") != null) {
      assertThat(browserReady).as("chromium and src/test/e2e/node_modules installed").isTrue();
    }
    assumeTrue(browserReady, "Debian chromium and playwright-core (npm ci --prefix src/test/e2e) installed");
    Path output = Files.createTempFile("dashboard", ".json");
    List<String> command = new ArrayList<>(List.of("node", E2E.resolve("cockpit-dashboard.mjs").toString(),
        "http://localhost:" + port, user, user));
    if (programme != null) {
      command.add(programme);
    }
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

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
