package org.proposalflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compliance findings on a Horizon Europe RIA proposal that passes every check, then broken one
 * way at a time. Its budget: Oulu 300 000 personnel + 50 000 other, indirect 87 500, total 437 500; GTK
 * 100 000 personnel, indirect 25 000, total 125 000; together 562 500, all requested.
 */
class ComplianceCheckTest {

  private static final ProgrammeRules rules = new ProgrammeRules();
  private static final String OULU = "University of Oulu (FI)";
  private static final String GTK = "Geological Survey of Finland (FI)";

  private final ProgrammeRules.Profile horizon = rules.of("horizonEurope");
  private String actionType = "ria";
  private final List<DraftSection> sections = new ArrayList<>();
  private final List<Budget.Entry> budget = new ArrayList<>(List.of(
      entry(OULU, "university", "300000.00", "50000.00"),
      entry(GTK, "research", "100000.00", "0.00")));
  private BigDecimal storedTotal = new BigDecimal("562500.00");
  private BigDecimal cap = new BigDecimal("15000000");
  private final List<String> partners = new ArrayList<>(List.of(OULU, GTK));
  private boolean eligible = true;
  private String reasons = "Horizon Europe collaborative action: beneficiaries in 3 different Member States";

  ComplianceCheckTest() {
    // 15 + 12 + 15 + 3 = 45 pages: exactly the limit
    int[] pages = {15, 12, 15, 3};
    for (int i = 0; i < horizon.sections().size(); i++) {
      sections.add(section(horizon.sections().get(i), i, pages[i], DraftSection.APPROVED));
    }
  }

  private static DraftSection section(ProgrammeRules.Section section, int position, Integer pages, String status) {
    return new DraftSection(section.code(), section.title(), position, "aino", null, null, null, pages, status, null,
        null, null, 0, null);
  }

  private static Budget.Entry entry(String partner, String type, String personnel, String otherDirect) {
    return new Budget.Entry(partner, type, false, new BigDecimal(personnel), BigDecimal.ZERO,
        new BigDecimal(otherDirect));
  }

  private void replaceSection(int index, Integer pages, String status) {
    sections.set(index, section(horizon.sections().get(index), index, pages, status));
  }

  private List<String> findings() {
    return ComplianceCheck.findings(new ComplianceCheck.Facts(sections, horizon, actionType, cap, budget, storedTotal,
        partners, eligible, reasons));
  }

  @Test
  void compliantProposalHasNoFindings() {
    assertThat(findings()).isEmpty();
  }

  @Test
  void aProposalWithoutSectionsIsNotCompliant() {
    sections.clear();

    assertThat(findings()).containsExactly("The proposal has no sections.");
  }

  @Test
  void twoLinesForOnePartnerAreNamed() {
    budget.add(entry(GTK, "research", "0.00", "0.00"));

    assertThat(findings()).containsExactly("The budget has more than one line for " + GTK + ".");
  }

  @Test
  void sectionNotApprovedIsNamed() {
    replaceSection(1, 12, DraftSection.READY);

    assertThat(findings()).containsExactly("Section '2. Impact' is not approved (readyForReview).");
  }

  @Test
  void everySectionNotApprovedIsNamed() {
    replaceSection(0, 15, DraftSection.DRAFTING);
    replaceSection(2, 15, DraftSection.REVISIONS);

    assertThat(findings()).containsExactly(
        "Section '1. Excellence' is not approved (drafting).",
        "Section '3. Quality and efficiency of the implementation' is not approved (revisionsRequested).");
  }

  @Test
  void pagesOverTheLimit() {
    replaceSection(0, 16, DraftSection.APPROVED);

    assertThat(findings()).containsExactly("The sections have 46 pages; the limit is 45.");
  }

  @Test
  void sectionWithoutPagesCountsAsNone() {
    replaceSection(3, null, DraftSection.APPROVED);

    assertThat(findings()).isEmpty();
  }

  @Test
  void budgetLineForSomeoneNotAPartner() {
    // 40 000 personnel + 25 % = 50 000 more, and a stored total that includes it
    budget.add(entry("Acme Oy (FI)", "sme", "40000.00", "0.00"));
    storedTotal = new BigDecimal("612500.00");

    assertThat(findings()).containsExactly("The budget has a line for Acme Oy (FI), who is not a confirmed partner.");
  }

  @Test
  void partnerWithoutBudgetLine() {
    partners.add("Fraunhofer (DE)");

    assertThat(findings()).containsExactly("The budget has no line for the partner Fraunhofer (DE).");
  }

  @Test
  void noBudgetAtAll() {
    budget.clear();
    storedTotal = null;

    assertThat(findings()).containsExactly("There is no budget.");
  }

  @Test
  void storedTotalThatDiffersFromTheLines() {
    storedTotal = new BigDecimal("550000.00");

    assertThat(findings()).containsExactly(
        "The budget total 550,000.00 EUR does not add up: its lines give 562,500.00 EUR.");
  }

  @Test
  void storedTotalWithAnotherScaleStillMatches() {
    storedTotal = new BigDecimal("562500");

    assertThat(findings()).isEmpty();
  }

  @Test
  void missingStoredTotal() {
    storedTotal = null;

    assertThat(findings()).containsExactly("The budget total (none) does not add up: its lines give 562,500.00 EUR.");
  }

  @Test
  void requestedAboveTheCap() {
    cap = new BigDecimal("562499.99");

    assertThat(findings()).containsExactly(
        "The requested contribution 562,500.00 EUR is above the cap of 562,499.99 EUR.");
  }

  @Test
  void requestedExactlyAtTheCapIsAllowed() {
    cap = new BigDecimal("562500");

    assertThat(findings()).isEmpty();
  }

  @Test
  void capIsCheckedAgainstTheRequestedContributionOfTheActionType() {
    // as an IA, a for-profit GTK would get 70 % of 125 000 = 87 500: requested 437 500 + 87 500 = 525 000
    budget.set(1, entry(GTK, "large", "100000.00", "0.00"));
    actionType = "ia";
    cap = new BigDecimal("530000");

    assertThat(findings()).isEmpty();

    cap = new BigDecimal("520000");
    assertThat(findings()).containsExactly(
        "The requested contribution 525,000.00 EUR is above the cap of 520,000.00 EUR.");
  }

  @Test
  void consortiumNotEligibleWithItsReasons() {
    eligible = false;
    reasons = "Horizon Europe collaborative action: beneficiaries in 2 different Member States, at least 3 needed";

    assertThat(findings()).containsExactly("The consortium is no longer eligible: Horizon Europe collaborative "
        + "action: beneficiaries in 2 different Member States, at least 3 needed.");
  }

  @Test
  void severalFailuresGiveOneFindingEach() {
    replaceSection(1, 20, DraftSection.REVISIONS);
    partners.add("Fraunhofer (DE)");
    storedTotal = new BigDecimal("500000.00");
    cap = new BigDecimal("500000");
    eligible = false;
    reasons = "the coordinator withdrew";

    // pages: 15 + 20 + 15 + 3 = 53
    assertThat(findings()).containsExactly(
        "Section '2. Impact' is not approved (revisionsRequested).",
        "The sections have 53 pages; the limit is 45.",
        "The budget has no line for the partner Fraunhofer (DE).",
        "The budget total 500,000.00 EUR does not add up: its lines give 562,500.00 EUR.",
        "The requested contribution 562,500.00 EUR is above the cap of 500,000.00 EUR.",
        "The consortium is no longer eligible: the coordinator withdrew.");
  }
}
