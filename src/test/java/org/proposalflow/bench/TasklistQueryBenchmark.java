package org.proposalflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.identity.TasklistFilters;
import org.proposalflow.proposal.Cluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A writer opens Tasklist with 10,000 open tasks across the five clusters: their "My group's tasks"
 * filter (their cluster's unclaimed tasks, soonest due first, first page of 15 with the filter's
 * variables) through the REST API with HTTP Basic and authorization on, as Tasklist asks for it.
 * p50/p95 latency over 300 requests after a warm-up. Run with {@code mvn -Pbench verify}.
 */
@Tag("benchmark")
// each benchmark closes its engine: two Spring contexts with an engine "default" cannot live in one JVM
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TasklistQueryBenchmark extends ProcessTestSupport {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.forBenchmark(registry, "tasklist");
  }

  /** Enough for the JIT to finish compiling the request's path: after 50, it still took most of a core. */
  private static final int WARM_UP = 300;
  private static final int REQUESTS = 300;

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private FilterService filterService;
  @Autowired
  private TransactionTemplate transaction;
  @Autowired
  private JdbcTemplate jdbc;
  @Value("${spring.datasource.url}")
  private String databaseUrl;
  @Value("${pf.bench.tasklist.tasks:10000}")
  private int openTasks;

  @Test
  void aWritersFirstPageWithTenThousandOpenTasks() throws Exception {
    long started = System.nanoTime();
    openWritersTasks(openTasks);
    double fillSeconds = (System.nanoTime() - started) / 1e9;
    DatabaseUpkeep.likeAutovacuum(jdbc.getDataSource());
    String filterId = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUPS_TASKS).singleResult()
        .getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    HttpEntity<String> firstPage = new HttpEntity<>(
        "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}", headers);
    String url = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";

    // one client for all requests, as a browser keeps its connection (withBasicAuth builds a new one)
    TestRestTemplate writer = rest.withBasicAuth("aino", "aino");
    ResponseEntity<String> check = writer.exchange(url, HttpMethod.POST, firstPage, String.class);
    JsonNode page = new ObjectMapper().readTree(check.getBody());
    assertThat(page.get("_embedded").get("task")).hasSize(15);
    assertThat(page.findValuesAsText("value")).contains("Arctic Industry and Circular Economy")
        .doesNotContain("Arctic Design");
    long visible = taskService.createTaskQuery().taskCandidateGroup(Cluster.INDUSTRY.writersGroup()).count();

    double[] millis = new double[REQUESTS];
    for (int i = 0; i < WARM_UP + REQUESTS; i++) {
      long start = System.nanoTime();
      ResponseEntity<String> response = writer.exchange(url, HttpMethod.POST, firstPage, String.class);
      if (i >= WARM_UP) {
        millis[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
      }
      assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    }
    double p50 = BenchReport.median(millis);
    double p95 = BenchReport.percentile(millis, 0.95);
    long total = taskService.createTaskQuery().active().count();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("openTasks", total);
    figures.put("writersClusterTasks", visible);
    figures.put("p50Ms", BenchReport.round(p50));
    figures.put("p95Ms", BenchReport.round(p95));
    figures.put("maxMs", BenchReport.round(BenchReport.max(millis)));
    figures.put("fillSeconds", BenchReport.round(fillSeconds));
    BenchReport.write("tasklist query", database(), figures, String.format(java.util.Locale.ROOT,
        "%,d open tasks (%,d of the writer's cluster), first page of \"My group's tasks\" via REST as a writer: "
            + "p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d requests", total, visible, p50, p95,
        BenchReport.max(millis), REQUESTS));
  }

  /**
   * Proposals screened "go" across the clusters until their writers have {@code count} tasks waiting,
   * with the database's upkeep every 1,000 of them, as an installation gets it while it grows.
   */
  private void openWritersTasks(int count) throws SQLException {
    int existing = (int) taskService.createTaskQuery().taskCandidateGroupIn(List.of(Cluster.values()).stream()
        .map(Cluster::writersGroup).toList()).count();
    for (int i = existing; i < count; i += 50) {
      if (i > existing && (i - existing) % 1000 == 0) {
        DatabaseUpkeep.likeAutovacuum(jdbc.getDataSource());
      }
      int from = i;
      transaction.executeWithoutResult(status -> {
        for (int n = from; n < Math.min(count, from + 50); n++) {
          Cluster cluster = Cluster.values()[n % Cluster.values().length];
          Map<String, Object> idea = validIdea();
          idea.put("cluster", cluster.code());
          idea.put("acronym", "TASK" + n);
          idea.put("callDeadline", formTime(java.time.OffsetDateTime.now().plusDays(40 + n % 200)));
          String reference = runtimeService.startProcessInstanceByKey("proposal-lifecycle", idea).getBusinessKey();
          Task screening = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
          taskService.complete(screening.getId(), vars("screeningDecision", "go"));
        }
      });
    }
  }

  private String database() {
    return databaseUrl.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2";
  }
}
