package org.proposalflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Budget arithmetic against figures worked out by hand from the programme rules in drafting/programmes.json. */
class BudgetTest {

  private static final ProgrammeRules rules = new ProgrammeRules();

  private static Budget.Entry entry(String partner, String type, boolean regional, String personnel,
      String subcontracting, String otherDirect) {
    return new Budget.Entry(partner, type, regional, new BigDecimal(personnel), new BigDecimal(subcontracting),
        new BigDecimal(otherDirect));
  }

  private static void assertLine(Budget.Line line, String indirect, String total, String fundingRate,
      String requested) {
    assertThat(line.indirect()).as(line.entry().partner() + " indirect").isEqualByComparingTo(indirect);
    assertThat(line.total()).as(line.entry().partner() + " total").isEqualByComparingTo(total);
    assertThat(line.fundingRate()).as(line.entry().partner() + " funding rate").isEqualByComparingTo(fundingRate);
    assertThat(line.requested()).as(line.entry().partner() + " requested").isEqualByComparingTo(requested);
  }

  @Test
  void horizonEuropeRiaLeavesSubcontractingOutOfTheIndirectBase() {
    Budget budget = Budget.of(rules.of("horizonEurope"), "ria", List.of(
        entry("University of Oulu (FI)", "university", true, "300000.00", "0.00", "50000.00"),
        entry("GTK (FI)", "research", false, "200000.00", "40000.00", "20000.00"),
        entry("Fraunhofer (DE)", "research", false, "150000.00", "0.00", "10000.00")));

    // Oulu: direct 350 000; indirect 25 % x 350 000 = 87 500; total 437 500; 100 % requested
    assertThat(budget.lines().get(0).entry().direct()).isEqualByComparingTo("350000.00");
    assertLine(budget.lines().get(0), "87500.00", "437500.00", "1.00", "437500.00");
    // GTK: direct 260 000; base 260 000 - 40 000 subcontracting = 220 000; indirect 55 000 (not 65 000); total 315 000
    assertThat(budget.lines().get(1).entry().direct()).isEqualByComparingTo("260000.00");
    assertLine(budget.lines().get(1), "55000.00", "315000.00", "1.00", "315000.00");
    // Fraunhofer: direct 160 000; indirect 40 000; total 200 000
    assertLine(budget.lines().get(2), "40000.00", "200000.00", "1.00", "200000.00");

    // 350 000 + 260 000 + 160 000; 87 500 + 55 000 + 40 000
    assertThat(budget.direct()).isEqualByComparingTo("770000.00");
    assertThat(budget.indirect()).isEqualByComparingTo("182500.00");
    assertThat(budget.total()).isEqualByComparingTo("952500.00");
    assertThat(budget.requested()).isEqualByComparingTo("952500.00");
    assertThat(budget.regionalRequested()).isEqualByComparingTo("437500.00");
  }

  @Test
  void horizonEuropeIaFundsForProfitPartnersAtSeventyPercent() {
    Budget budget = Budget.of(rules.of("horizonEurope"), "ia", List.of(
        entry("Arctic Sensors Oy (FI)", "sme", false, "100000.00", "0.00", "20000.00"),
        entry("University of Lapland (FI)", "university", false, "80000.00", "0.00", "0.00"),
        entry("Nordic Steel AB (SE)", "large", false, "40000.00", "10000.00", "0.00")));

    // SME: direct 120 000; indirect 30 000; total 150 000; 70 % = 105 000
    assertLine(budget.lines().get(0), "30000.00", "150000.00", "0.70", "105000.00");
    // university: direct 80 000; indirect 20 000; total 100 000; 100 %
    assertLine(budget.lines().get(1), "20000.00", "100000.00", "1.00", "100000.00");
    // large: direct 50 000; base 40 000; indirect 10 000; total 60 000; 70 % = 42 000
    assertLine(budget.lines().get(2), "10000.00", "60000.00", "0.70", "42000.00");

    assertThat(budget.direct()).isEqualByComparingTo("250000.00");
    assertThat(budget.indirect()).isEqualByComparingTo("60000.00");
    assertThat(budget.total()).isEqualByComparingTo("310000.00");
    // 105 000 + 100 000 + 42 000
    assertThat(budget.requested()).isEqualByComparingTo("247000.00");
  }

  @Test
  void horizonEuropeRiaFundsAnSmeInFull() {
    Budget budget = Budget.of(rules.of("horizonEurope"), "ria", List.of(
        entry("Arctic Sensors Oy (FI)", "sme", false, "100000.00", "0.00", "20000.00")));

    assertLine(budget.lines().get(0), "30000.00", "150000.00", "1.00", "150000.00");
  }

  @Test
  void interregAuroraTakesFifteenPercentOfPersonnelAndFundsSixtyFivePercent() {
    Budget budget = Budget.of(rules.of("interregAurora"), "standard", List.of(
        entry("University of Lapland (FI)", "university", true, "100000.00", "20000.00", "30000.00"),
        entry("Luleå University of Technology (SE)", "university", false, "60000.00", "0.00", "10000.00"),
        entry("Arctic Sensors Oy (FI)", "sme", false, "20000.00", "0.00", "0.00")));

    // Lapland: direct 150 000; indirect 15 % x 100 000 personnel = 15 000; total 165 000; 65 % = 107 250
    assertLine(budget.lines().get(0), "15000.00", "165000.00", "0.65", "107250.00");
    // Luleå: direct 70 000; indirect 9 000; total 79 000; 65 % = 51 350
    assertLine(budget.lines().get(1), "9000.00", "79000.00", "0.65", "51350.00");
    // an SME has no special rate in Interreg: 20 000 + 3 000 = 23 000; 65 % = 14 950
    assertLine(budget.lines().get(2), "3000.00", "23000.00", "0.65", "14950.00");

    assertThat(budget.direct()).isEqualByComparingTo("240000.00");
    assertThat(budget.indirect()).isEqualByComparingTo("27000.00");
    assertThat(budget.total()).isEqualByComparingTo("267000.00");
    assertThat(budget.requested()).isEqualByComparingTo("173550.00");
    assertThat(budget.regionalRequested()).isEqualByComparingTo("107250.00");
  }

  @Test
  void regionalShareCountsOnlyTheLinesFlaggedRegional() {
    Budget budget = Budget.of(rules.of("horizonEurope"), "ia", List.of(
        entry("University of Lapland (FI)", "university", true, "100000.00", "0.00", "0.00"),
        entry("Fraunhofer (DE)", "research", false, "80000.00", "0.00", "0.00"),
        entry("Lapland Robotics Oy (FI)", "sme", true, "40000.00", "0.00", "0.00")));

    // requested: 125 000 (regional) + 100 000 + 50 000 x 70 % = 35 000 (regional)
    assertThat(budget.requested()).isEqualByComparingTo("260000.00");
    assertThat(budget.regionalRequested()).isEqualByComparingTo("160000.00");
  }

  @Test
  void noRegionalLinesGiveAZeroRegionalShare() {
    Budget budget = Budget.of(rules.of("horizonEurope"), "ria", List.of(
        entry("Fraunhofer (DE)", "research", false, "80000.00", "0.00", "0.00")));

    assertThat(budget.regionalRequested()).isEqualByComparingTo("0.00");
  }

  @Test
  void amountsAreRoundedHalfUpToTheCentPerPartner() {
    Budget budget = Budget.of(rules.of("interregAurora"), "standard", List.of(
        entry("University of Lapland (FI)", "university", true, "1000.30", "0.00", "0.15"),
        entry("Luleå University of Technology (SE)", "university", false, "1000.30", "0.00", "0.00")));

    // Lapland: 15 % x 1 000.30 = 150.045 -> 150.05 (half-even would give 150.04);
    // total 1 000.45 + 150.05 = 1 150.50; 65 % = 747.825 -> 747.83
    assertLine(budget.lines().get(0), "150.05", "1150.50", "0.65", "747.83");
    // Luleå: indirect 150.05; total 1 150.35; 65 % = 747.7275 -> 747.73
    assertLine(budget.lines().get(1), "150.05", "1150.35", "0.65", "747.73");

    // the sums of the rounded lines, not a rounding of the sums (15 % x 2 000.60 would be 300.09,
    // 65 % x 2 300.85 would be 1 495.55)
    assertThat(budget.direct()).isEqualByComparingTo("2000.75");
    assertThat(budget.indirect()).isEqualByComparingTo("300.10");
    assertThat(budget.total()).isEqualByComparingTo("2300.85");
    assertThat(budget.requested()).isEqualByComparingTo("1495.56");
    assertThat(budget.regionalRequested()).isEqualByComparingTo("747.83");
    assertThat(budget.requested().scale()).isEqualTo(2);
    assertThat(budget.lines().get(0).requested().toPlainString()).isEqualTo("747.83");
  }

  @Test
  void anEmptyBudgetIsZero() {
    Budget budget = Budget.of(rules.of("horizonEurope"), "ria", List.of());

    assertThat(budget.lines()).isEmpty();
    assertThat(budget.total()).isEqualByComparingTo("0.00");
    assertThat(budget.requested()).isEqualByComparingTo("0.00");
  }
}
