package org.proposalflow.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.portfolio.Portfolio.Figures;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.ProposalStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Portfolio figures against a hand-counted portfolio of nine proposals, launched in 2019 (a year no
 * other test uses), through the records the processes write.
 */
class PortfolioTest extends ProcessTestSupport {

  private static final String YEAR = "from=2019-01-01&to=2020-01-01";
  private static final String SUBMITTED = "2019-08-30T12:00+03:00";

  @Autowired
  private PortfolioService service;
  @Autowired
  private TestRestTemplate rest;

  @BeforeEach
  void nineProposalsOf2019() {
    if (records.find("PF-2019-0001").isPresent()) {
      return;
    }
    PortfolioFixtures fixtures = new PortfolioFixtures(records);
    PortfolioFixtures.at("2019-03-01T10:00+02:00");
    fixtures.launch("PF-2019-0001", Cluster.INDUSTRY, "horizonEurope", "2019-06-20T17:00+03:00");
    String b = fixtures.launch("PF-2019-0002", Cluster.INDUSTRY, "life", "2019-09-01T17:00+03:00");
    fixtures.screened(b, ProposalStage.DECLINED);
    String c = fixtures.launch("PF-2019-0003", Cluster.RURAL, "erasmusPlus", "2019-09-01T17:00+03:00");
    fixtures.submitted(c, "100000", SUBMITTED, ProposalStage.AWAITING_OUTCOME);
    String d = fixtures.launch("PF-2019-0004", Cluster.INDUSTRY, "horizonEurope", "2019-09-01T17:00+03:00");
    fixtures.submitted(d, "200000", SUBMITTED, ProposalStage.GRANT_PREPARATION);
    records.recordFunded(d, new BigDecimal("180000"), new BigDecimal("50000"));
    records.updateStage(d, ProposalStage.FUNDED);
    String e = fixtures.launch("PF-2019-0005", Cluster.DESIGN, "interregAurora", "2019-09-01T17:00+03:00");
    fixtures.submitted(e, "300000", SUBMITTED, ProposalStage.GRANT_PREPARATION);
    records.recordFunded(e, new BigDecimal("250000"), new BigDecimal("100000"));
    String f = fixtures.launch("PF-2019-0006", Cluster.INDUSTRY, "horizonEurope", "2019-09-01T17:00+03:00");
    fixtures.submitted(f, "150000", SUBMITTED, ProposalStage.RESUBMISSION_DECISION);
    records.recordRejected(f, "3.5/3.0/3.5", "Impact vague.");
    records.recordResubmission(f, "HORIZON-2020-NEXT", OffsetDateTime.parse("2020-02-01T17:00+02:00"));
    records.updateStage(f, ProposalStage.DRAFTING);
    String g = fixtures.launch("PF-2019-0007", Cluster.INDUSTRY, "interregNpa", "2019-09-01T17:00+03:00");
    fixtures.submitted(g, "120000", SUBMITTED, ProposalStage.RESUBMISSION_DECISION);
    records.recordRejected(g, null, "Below threshold.");
    records.updateStage(g, ProposalStage.NOT_FUNDED);
    String h = fixtures.launch("PF-2019-0008", Cluster.INDUSTRY, "life", "2019-09-01T17:00+03:00");
    fixtures.screened(h, ProposalStage.DRAFTING);
    records.recordWithdrawal(h, "Partner left.");
    records.updateStage(h, ProposalStage.WITHDRAWN);
    String i = fixtures.launch("PF-2019-0009", Cluster.RURAL, "erasmusPlus", "2019-09-01T17:00+03:00");
    fixtures.submitted(i, "90000", SUBMITTED, ProposalStage.RESERVE_LIST);
    ClockUtil.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theFiguresAreTheHandCountedOnesAndNothingCountsTwice() {
    Portfolio portfolio = service.portfolio(new PortfolioFilter(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1),
        null, null));

    Figures total = portfolio.total();
    assertThat(total.launched()).isEqualTo(9);
    assertThat(total.screened()).as("all but the one still in screening").isEqualTo(8);
    assertThat(total.submitted()).as("the resubmitted one once").isEqualTo(6);
    assertThat(total.funded()).isEqualTo(2);
    assertThat(total.rejected()).as("the resubmitted one is undecided again").isEqualTo(1);
    assertThat(total.reserve()).isEqualTo(1);
    assertThat(total.withdrawn()).isEqualTo(1);
    assertThat(total.declined()).isEqualTo(1);
    assertThat(total.successRate()).isEqualTo(0.667);
    assertThat(total.requestedEuros()).isEqualByComparingTo("960000");
    assertThat(total.grantedEuros()).isEqualByComparingTo("430000");
    assertThat(total.regionalEuros()).isEqualByComparingTo("150000");
    assertThat(portfolio.fundedByProgramme()).containsOnly(
        org.assertj.core.api.Assertions.entry("horizonEurope", 1L), org.assertj.core.api.Assertions.entry("interregAurora", 1L));
    assertThat(portfolio.funnel()).extracting(Portfolio.FunnelStep::proposals).containsExactly(9L, 8L, 6L, 2L);
    assertThat(portfolio.clusters()).extracting(Portfolio.ClusterFigures::cluster)
        .containsExactly("design", "industry", "rural");
    assertThat(portfolio.clusters().get(1).figures().launched()).isEqualTo(6);
    assertThat(portfolio.stagesByCluster().get("rural")).containsOnlyKeys("AWAITING_OUTCOME", "RESERVE_LIST");
    assertThat(portfolio.targets()).filteredOn(t -> t.target().equals("proposalsFunded")).singleElement()
        .satisfies(t -> assertThat(t.share()).isEqualTo(0.105));
    assertThat(portfolio.targets()).filteredOn(t -> t.target().equals("fundedFromHorizonEurope")).singleElement()
        .satisfies(t -> assertThat(t.actual()).isEqualByComparingTo("1"));
  }

  @Test
  void filtersByClusterAndProgramme() {
    Figures industryHorizon = service.portfolio(new PortfolioFilter(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1),
        List.of("industry"), "horizonEurope")).total();
    assertThat(industryHorizon.launched()).isEqualTo(3);
    assertThat(industryHorizon.funded()).isEqualTo(1);
    assertThat(industryHorizon.submitted()).isEqualTo(2);
  }

  @Test
  void atRiskAreTheQuietOnesAndThoseCloseToTheirDeadline() {
    PortfolioFixtures.at("2019-06-05T09:00+03:00");
    List<Portfolio.AtRisk> atRisk = service.portfolio(new PortfolioFilter(LocalDate.of(2019, 1, 1),
        LocalDate.of(2020, 1, 1), null, null)).atRisk();

    assertThat(atRisk).extracting(Portfolio.AtRisk::reference).containsExactly("PF-2019-0001", "PF-2019-0006");
    assertThat(atRisk.get(0).risks()).containsExactly("consortium not settled 15 days before the deadline",
        "no activity for 95 days");
    assertThat(atRisk.get(1).risks()).containsExactly("no activity for 95 days");
  }

  @Test
  void aClusterManagerSeesTheirClusterAndWritersNothing() throws Exception {
    JsonNode helmi = json(rest.withBasicAuth("helmi", "helmi").getForEntity("/api/portfolio?" + YEAR, String.class));
    assertThat(helmi.get("total").get("launched").asLong()).isEqualTo(6);
    assertThat(helmi.findValuesAsText("cluster")).containsOnly("industry");

    JsonNode venla = json(rest.withBasicAuth("venla", "venla").getForEntity("/api/portfolio?" + YEAR, String.class));
    assertThat(venla.get("total").get("launched").asLong()).isEqualTo(1);
    assertThat(rest.withBasicAuth("venla", "venla").getForEntity("/api/portfolio?cluster=industry&" + YEAR, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    JsonNode marja = json(rest.withBasicAuth("marja", "marja").getForEntity("/api/portfolio?" + YEAR, String.class));
    assertThat(marja.get("total").get("launched").asLong()).isEqualTo(9);
    assertThat(marja.get("total").get("successRate").asDouble()).as("funded of decided, in the JSON too").isEqualTo(0.667);

    assertThat(rest.withBasicAuth("aino", "aino").getForEntity("/api/portfolio", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/portfolio", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("marja", "marja").getForEntity("/api/portfolio?from=yesterday", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.withBasicAuth("marja", "marja").getForEntity("/api/portfolio?cluster=mining", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void oneProposalsStatusForItsClusterOnly() throws Exception {
    PortfolioFixtures.at("2019-06-05T09:00+03:00");
    JsonNode status = json(rest.withBasicAuth("helmi", "helmi").getForEntity("/api/portfolio/proposals/PF-2019-0001",
        String.class));
    ClockUtil.reset();

    assertThat(status.get("stage").asText()).isEqualTo("SCREENING");
    assertThat(status.get("daysToDeadline").asLong()).isEqualTo(15);
    assertThat(status.get("drafting").asText()).isEqualTo("not started");
    assertThat(status.get("consortium").get("partners").asLong()).isZero();
    assertThat(status.get("risks").get(0).asText()).isEqualTo("consortium not settled 15 days before the deadline");
    assertThat(rest.withBasicAuth("venla", "venla").getForEntity("/api/portfolio/proposals/PF-2019-0001", String.class)
        .getStatusCode()).as("another cluster's proposal").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("marja", "marja").getForEntity("/api/portfolio/proposals/PF-2019-0999", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aFundedProposalsStatusCarriesItsMoneyAndNoRisk() throws Exception {
    JsonNode status = json(rest.withBasicAuth("marja", "marja").getForEntity("/api/portfolio/proposals/PF-2019-0004",
        String.class));

    assertThat(status.get("stage").asText()).isEqualTo("FUNDED");
    assertThat(status.get("drafting").asText()).isEqualTo("submitted");
    assertThat(status.get("requestedEuros").decimalValue()).isEqualByComparingTo("200000");
    assertThat(status.get("grantedEuros").decimalValue()).isEqualByComparingTo("180000");
    assertThat(status.get("grantedRegionalShare").decimalValue()).isEqualByComparingTo("50000");
    assertThat(status.get("risks")).isEmpty();
  }

  @Test
  void theCsvExportHasARowPerProposal() {
    ResponseEntity<String> csv = rest.withBasicAuth("marja", "marja")
        .getForEntity("/api/portfolio/proposals.csv?" + YEAR, String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    String[] lines = csv.getBody().split("\r\n");
    assertThat(lines).hasSize(10);
    assertThat(lines[0]).startsWith("reference,acronym,title,cluster,programme");
    assertThat(lines[4]).startsWith("PF-2019-0004,P4,\"Proposal 4, a fixture\",industry,horizonEurope");
  }

  @Test
  void csvFieldsAreQuotedAndFormulasStayText() {
    assertThat(PortfolioApi.csvField("Ice, snow and \"rain\"")).isEqualTo("\"Ice, snow and \"\"rain\"\"\"");
    assertThat(PortfolioApi.csvField("=HYPERLINK(\"http://x.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\")\"");
    assertThat(PortfolioApi.csvField(new BigDecimal("-1.50"))).isEqualTo("-1.50");
    assertThat(PortfolioApi.csvField(null)).isEmpty();
  }
}
