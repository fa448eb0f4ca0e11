package org.proposalflow.portfolio;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.proposalflow.identity.ProposalGroups;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.Programme;
import org.proposalflow.validation.Inputs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The portfolio for managers: {@code GET /api/portfolio} (JSON), {@code GET /api/portfolio/proposals.csv} and
 * one proposal's status at {@code GET /api/portfolio/proposals/{reference}}.
 * Portfolio managers (and administrators) see every cluster, a cluster manager their own; others
 * get 403. Filters: {@code from}, {@code to} (dates, launch of the idea), {@code cluster}, {@code programme}.
 */
@RestController
@RequestMapping("/api/portfolio")
public class PortfolioApi {


  private final PortfolioService portfolio;
  private final PortfolioQueries queries;
  private final IdentityService identityService;

  public PortfolioApi(PortfolioService portfolio, PortfolioQueries queries, IdentityService identityService) {
    this.portfolio = portfolio;
    this.queries = queries;
    this.identityService = identityService;
  }

  @GetMapping
  public Portfolio get(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String cluster, @RequestParam(required = false) String programme) {
    return portfolio.portfolio(filter(from, to, cluster, programme));
  }

  /** One proposal's status; 404 alike for an unknown reference and another cluster's proposal. */
  @GetMapping("/proposals/{reference}")
  public ProposalStatus proposal(@PathVariable String reference) {
    List<String> visible = visibleClusters();
    return queries.status(reference)
        .filter(status -> visible == null || visible.contains(status.cluster()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no proposal " + reference + " of yours"));
  }

  @GetMapping(value = "/proposals.csv", produces = "text/csv")
  public ResponseEntity<String> csv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String programme) {
    List<Map<String, Object>> rows = queries.rows(filter(from, to, cluster, programme));
    StringBuilder csv = new StringBuilder();
    List<String> columns = rows.isEmpty() ? List.of("reference") : new ArrayList<>(rows.get(0).keySet());
    csv.append(columns.stream().map(String::toLowerCase).collect(Collectors.joining(","))).append("\r\n");
    for (Map<String, Object> row : rows) {
      csv.append(columns.stream().map(column -> csvField(row.get(column))).collect(Collectors.joining(","))).append("\r\n");
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proposal-portfolio.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  private PortfolioFilter filter(String from, String to, String cluster, String programme) {
    List<String> visible = visibleClusters();
    List<String> clusters = visible;
    if (cluster != null && !cluster.isBlank()) {
      Cluster.fromCode("cluster", cluster);
      if (visible != null && !visible.contains(cluster)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "cluster: not one of yours");
      }
      clusters = List.of(cluster);
    }
    if (programme != null && !programme.isBlank() && !Programme.codes().contains(programme)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "programme: one of " + String.join(", ", Programme.codes()));
    }
    LocalDate fromDate = date("from", from, LocalDate.of(2000, 1, 1));
    LocalDate toDate = date("to", to, LocalDate.now(Inputs.PEOPLE_ZONE).plusDays(1));
    if (!toDate.isAfter(fromDate)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to: must be after from");
    }
    return new PortfolioFilter(fromDate, toDate, clusters, programme == null || programme.isBlank() ? null : programme);
  }

  /** Null: every cluster. */
  private List<String> visibleClusters() {
    List<String> clusters = ProposalGroups.clustersOf(identityService.getCurrentAuthentication(), false);
    if (clusters != null && clusters.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the portfolio is for portfolio and cluster managers");
    }
    return clusters;
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": '" + value + "' is not a date such as 2026-01-01");
    }
  }

  static String csvField(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    // a title such as "=HYPERLINK(...)" must stay text when the funder's report is opened in a spreadsheet
    if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
