package org.proposalflow.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DMN decision {@code consortium-eligibility} as deployed (processes/consortium-eligibility.dmn),
 * fed by the real aggregation over candidate partners and the country data files: every programme
 * rule, on both sides of its threshold, and the edge cases of the issue.
 */
class ConsortiumEligibilityDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;
  private static final ConsortiumAggregation aggregation = new ConsortiumAggregation(null, new CountryLists(), null);

  private final List<ConsortiumPartner> partners = new ArrayList<>();

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/consortium-eligibility.dmn"))) {
      decision = dmn.parseDecision("consortium-eligibility", in);
    }
  }

  private ConsortiumEligibilityDecisionTest partner(String country, String role) {
    return partner(country, role, ConsortiumPartner.CONFIRMED);
  }

  private ConsortiumEligibilityDecisionTest partner(String country, String role, String answer) {
    long id = partners.size() + 1;
    partners.add(new ConsortiumPartner(id, "ORG" + id, "Organisation " + id, country, "research", role,
        "org" + id + "@partners.example", answer, null, null));
    return this;
  }

  private ConsortiumEligibility.Verdict check(String programme, String actionType) {
    ConsortiumStatus status = aggregation.aggregate(partners, CountryLists.load(programme));
    Map<String, Object> inputs = status.decisionInputs(programme, actionType);
    return ConsortiumEligibility.verdict(dmn.evaluateDecisionTable(decision, inputs).getResultList());
  }

  @Test
  void horizonCollaborativeThreeMemberStatesIsEligible() {
    partner("FI", "coordinator").partner("SE", "beneficiary").partner("DE", "beneficiary");
    ConsortiumEligibility.Verdict verdict = check("horizonEurope", "ria");
    assertThat(verdict.eligible()).isTrue();
    assertThat(verdict.reasons()).isEqualTo("Horizon Europe collaborative action: beneficiaries in 3 different "
        + "Member States or Associated Countries, 3 of them Member States");
    assertThat(check("horizonEurope", "ia").eligible()).as("innovation actions share the rule").isTrue();
  }

  @Test
  void horizonCollaborativeWithOneMemberStateAndTwoAssociatedCountriesIsEligible() {
    partner("FI", "coordinator").partner("NO", "beneficiary").partner("IS", "beneficiary");
    assertThat(check("horizonEurope", "ria").eligible()).isTrue();
  }

  @Test
  void threePartnersButTwoInTheSameCountryAreNotEnough() {
    partner("FI", "coordinator").partner("FI", "beneficiary").partner("SE", "beneficiary");
    ConsortiumEligibility.Verdict verdict = check("horizonEurope", "ria");
    assertThat(verdict.eligible()).isFalse();
    assertThat(verdict.reasons()).isEqualTo("needs 1 more beneficiary from another Member State or Associated Country: "
        + "a Horizon Europe collaborative action needs at least 3 different countries");
  }

  @Test
  void anAssociatedPartnerOrAffiliatedEntityDoesNotCount() {
    partner("FI", "coordinator").partner("SE", "beneficiary").partner("DE", "associated").partner("EE", "affiliated");
    ConsortiumEligibility.Verdict verdict = check("horizonEurope", "ria");
    assertThat(verdict.eligible()).isFalse();
    assertThat(verdict.reasons()).startsWith("needs 1 more beneficiary");
  }

  @Test
  void onlyConfirmedPartnersCount() {
    partner("FI", "coordinator").partner("SE", "beneficiary")
        .partner("DE", "beneficiary", ConsortiumPartner.INVITED)
        .partner("EE", "beneficiary", ConsortiumPartner.DECLINED)
        .partner("PL", "beneficiary", ConsortiumPartner.NO_ANSWER)
        .partner("IE", "beneficiary", ConsortiumPartner.WITHDRAWN);
    assertThat(check("horizonEurope", "ria").eligible()).isFalse();
  }

  @Test
  void associatedCountriesWithoutAMemberStateAreNotEligible() {
    partner("NO", "coordinator").partner("IS", "beneficiary").partner("GB", "beneficiary");
    ConsortiumEligibility.Verdict verdict = check("horizonEurope", "ria");
    assertThat(verdict.eligible()).isFalse();
    assertThat(verdict.reasons()).isEqualTo("needs one beneficiary from an EU Member State: Associated Countries alone are not enough");
  }

  @Test
  void aThirdCountryDoesNotCountForHorizonEurope() {
    partner("FI", "coordinator").partner("SE", "beneficiary").partner("US", "beneficiary");
    assertThat(check("horizonEurope", "ria").eligible()).isFalse();
  }

  @Test
  void bothProblemsAreNamed() {
    partner("NO", "coordinator");
    ConsortiumEligibility.Verdict verdict = check("horizonEurope", "ria");
    assertThat(verdict.eligible()).isFalse();
    assertThat(verdict.reasons()).startsWith("needs 2 more beneficiary").contains("; needs one beneficiary from an EU Member State");
  }

  @Test
  void horizonCsaAndSingleApplicantNeedOneEntity() {
    assertThat(check("horizonEurope", "csa").eligible()).as("nobody yet").isFalse();
    assertThat(check("horizonEurope", "single").reasons()).isEqualTo(
        "needs one confirmed coordinator or beneficiary established in an EU Member State or Associated Country");
    partner("FI", "coordinator");
    assertThat(check("horizonEurope", "csa").eligible()).isTrue();
    assertThat(check("horizonEurope", "single").eligible()).isTrue();
  }

  @Test
  void interregNeedsTwoProgrammeCountries() {
    partner("FI", "coordinator").partner("FI", "beneficiary").partner("DE", "beneficiary");
    assertThat(check("interregAurora", "standard").eligible()).as("DE is outside Aurora").isFalse();
    assertThat(check("interregAurora", "standard").reasons()).startsWith("needs beneficiaries from 1 more programme country");
    partner("NO", "beneficiary");
    assertThat(check("interregAurora", "standard").eligible()).isTrue();
    assertThat(check("interregNpa", "standard").eligible()).isTrue();
  }

  @Test
  void interregNpaCountsItsOwnArea() {
    partner("FI", "coordinator").partner("IE", "beneficiary");
    assertThat(check("interregNpa", "standard").eligible()).isTrue();
    assertThat(check("interregAurora", "standard").eligible()).as("Ireland is not in Aurora").isFalse();
  }

  @Test
  void erasmusNeedsThreeOrganisationsFromThreeProgrammeCountries() {
    partner("FI", "coordinator").partner("SE", "beneficiary").partner("SE", "beneficiary");
    assertThat(check("erasmusPlus", "standard").eligible()).as("three organisations, two countries").isFalse();
    assertThat(check("erasmusPlus", "standard").reasons()).startsWith("needs organisations from 1 more programme country");
    partner("US", "beneficiary");
    assertThat(check("erasmusPlus", "standard").eligible()).as("the US is not a programme country").isFalse();
    partner("TR", "beneficiary");
    assertThat(check("erasmusPlus", "standard").eligible()).isTrue();
  }

  @Test
  void lifeNeedsOneEntity() {
    partner("FI", "associated");
    assertThat(check("life", "standard").eligible()).isFalse();
    partner("FI", "beneficiary");
    assertThat(check("life", "standard").eligible()).isTrue();
  }

  @Test
  void programmesWithoutARuleNeedOneConfirmedPartner() {
    assertThat(check("digitalEurope", "standard").eligible()).isFalse();
    partner("DE", "coordinator");
    assertThat(check("digitalEurope", "standard").reasons()).startsWith("no consortium rule is recorded");
    assertThat(check("erdf", "standard").eligible()).isTrue();
    assertThat(check("interregBsr", "standard").eligible()).isTrue();
  }

  @Test
  void anActionTypeWithoutARuleIsNotEligible() {
    partner("FI", "coordinator").partner("SE", "beneficiary").partner("DE", "beneficiary");
    assertThat(check("horizonEurope", "standard").reasons()).isEqualTo("no eligibility rule applies to this programme and action type");
  }
}
