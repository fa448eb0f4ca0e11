package org.proposalflow.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.proposalflow.HeadlessBrowser;
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
    String base = "http://localhost:" + port;
    return programme == null ? HeadlessBrowser.run("cockpit-dashboard.mjs", base, user, user)
        : HeadlessBrowser.run("cockpit-dashboard.mjs", base, user, user, programme);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
