package org.proposalflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.TasklistSession;
import org.proposalflow.validation.Inputs;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starting a proposal through the REST API (as Tasklist's start form does) with bad input: 400 naming
 * the field, and nothing created: no instance, no record, no reference number consumed.
 */
class StartInputTest extends ProcessTestSupport {

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private JdbcTemplate jdbc;
  @LocalServerPort
  private int port;

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(nullValues = "MISSING", value = {
      "title, MISSING, is required",
      "summary, '   ', is required",
      "cluster, mining, unknown cluster 'mining'",
      "callDeadline, 2020-01-01T17:00+02:00, must be in the future",
      "callDeadline, next friday, is not a date and time",
      "estimatedBudget, -5, must not be negative",
      "estimatedBudget, 0, must be greater than 0",
      "regionalShare, 5000000, cannot exceed the estimated total budget",
      "programme, horizon2020, is not one of",
      "contactEmail, aino-at-example, is not an e-mail address"})
  void badStartInputIsRefusedAndNothingIsCreated(String field, String value, String problem) {
    Map<String, Object> idea = validIdea();
    if (value == null) {
      idea.remove(field);
    } else {
      idea.put(field, value);
    }
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("proposal-lifecycle").count();
    long recordsBefore = records.count();
    int counterBefore = referenceCounter();

    for (String endpoint : new String[] {"submit-form", "start"}) {
      ResponseEntity<Map> response = rest.withBasicAuth("aino", "aino").postForEntity(
          "/engine-rest/process-definition/key/proposal-lifecycle/" + endpoint, Map.of("variables", typed(idea)), Map.class);

      assertThat(response.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().get("message").toString()).as(endpoint)
          .startsWith(field + ":").contains(problem);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("proposal-lifecycle").count())
        .isEqualTo(instancesBefore);
    assertThat(records.count()).isEqualTo(recordsBefore);
    assertThat(referenceCounter()).isEqualTo(counterBefore);
  }

  @Test
  void aValidStartFormCreatesTheProposalWithTheNextReference() {
    int counterBefore = referenceCounter();
    Map<String, Object> idea = validIdea();
    idea.put("callDeadline", formTime(OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(30)));

    ResponseEntity<Map> response = rest.withBasicAuth("aino", "aino").postForEntity(
        "/engine-rest/process-definition/key/proposal-lifecycle/submit-form", Map.of("variables", typed(idea)), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String reference = response.getBody().get("businessKey").toString();
    assertThat(reference).endsWith(String.format("-%04d", counterBefore + 1));
    assertThat(records.find(reference)).get().extracting(Proposal::stage).isEqualTo(ProposalStage.SCREENING);
  }

  @Test
  void tasklistsStartFormGetsA400NamingTheField() throws Exception {
    Map<String, Object> idea = validIdea();
    idea.put("regionalShare", 5_000_000);
    String json = new ObjectMapper().writeValueAsString(Map.of("variables", typed(idea)));
    long recordsBefore = records.count();

    HttpResponse<String> response = TasklistSession.login(port, "aino", "aino").postJson(
        "/camunda/api/engine/engine/default/process-definition/key/proposal-lifecycle/submit-form", json);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(response.body()).get("message").asText())
        .startsWith("regionalShare: the region's share");
    assertThat(records.count()).isEqualTo(recordsBefore);
  }

  private int referenceCounter() {
    return jdbc.queryForObject("select coalesce(max(last_number), 0) from proposal_reference_counter where counter_year = ?",
        Integer.class, LocalDate.now(Inputs.PEOPLE_ZONE).getYear());
  }

  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> dto = new HashMap<>();
    variables.forEach((name, value) -> dto.put(name, Map.of("value", value)));
    return dto;
  }
}
