package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * The proposal's budget: per partner the direct costs entered, indirect costs by the programme's
 * flat rate, the requested contribution by the funding rate; totals and the regional partners' share
 * (the euros that would come to Lapland). Amounts are rounded to the cent per partner.
 */
public record Budget(List<Line> lines, BigDecimal direct, BigDecimal indirect, BigDecimal total, BigDecimal requested,
    BigDecimal regionalRequested) {

  private static final Set<String> FOR_PROFIT = Set.of("sme", "large");

  /** What the budget form holds for one partner. */
  public record Entry(String partner, String organisationType, boolean regional, BigDecimal personnel,
      BigDecimal subcontracting, BigDecimal otherDirect) {

    public BigDecimal direct() {
      return personnel.add(subcontracting).add(otherDirect);
    }

    public boolean forProfit() {
      return FOR_PROFIT.contains(organisationType);
    }
  }

  public record Line(Entry entry, BigDecimal indirect, BigDecimal total, BigDecimal fundingRate, BigDecimal requested) {
  }

  public static Budget of(ProgrammeRules.Profile programme, String actionType, List<Entry> entries) {
    List<Line> lines = entries.stream().map(entry -> line(programme, actionType, entry)).toList();
    return new Budget(lines,
        sum(lines.stream().map(l -> l.entry().direct()).toList()),
        sum(lines.stream().map(Line::indirect).toList()),
        sum(lines.stream().map(Line::total).toList()),
        sum(lines.stream().map(Line::requested).toList()),
        sum(lines.stream().filter(l -> l.entry().regional()).map(Line::requested).toList()));
  }

  private static Line line(ProgrammeRules.Profile programme, String actionType, Entry entry) {
    BigDecimal base = switch (programme.indirectBase()) {
      case directExceptSubcontracting -> entry.personnel().add(entry.otherDirect());
      case personnel -> entry.personnel();
    };
    BigDecimal indirect = cents(base.multiply(programme.indirectRate()));
    BigDecimal total = entry.direct().add(indirect);
    BigDecimal rate = programme.fundingRate(actionType, entry.forProfit());
    return new Line(entry, indirect, cents(total), rate, cents(total.multiply(rate)));
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return cents(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
