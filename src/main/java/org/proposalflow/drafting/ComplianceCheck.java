package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Is the proposal ready for final approval? Every section approved, the pages within the limit, a
 * budget that adds up and covers exactly the consortium's partners, the requested contribution within
 * the cap, and a consortium that is still eligible. Each finding is a sentence for the proposal lead.
 */
public final class ComplianceCheck {

  /** What the check looks at, read from the proposal's records. */
  public record Facts(List<DraftSection> sections, ProgrammeRules.Profile programme, String actionType,
      BigDecimal contributionCap, List<Budget.Entry> budget, BigDecimal storedBudgetTotal,
      List<String> consortiumPartners, boolean consortiumEligible, String eligibilityReasons) {
  }

  private ComplianceCheck() {
  }

  public static List<String> findings(Facts facts) {
    List<String> findings = new ArrayList<>();
    if (facts.sections().isEmpty()) {
      findings.add("The proposal has no sections.");
    }
    for (DraftSection section : facts.sections()) {
      if (!section.approved()) {
        findings.add("Section '" + section.title() + "' is not approved (" + section.status() + ").");
      }
    }
    int pages = facts.sections().stream().mapToInt(s -> s.pages() == null ? 0 : s.pages()).sum();
    if (pages > facts.programme().pageLimit()) {
      findings.add("The sections have " + pages + " pages; the limit is " + facts.programme().pageLimit() + ".");
    }
    budgetFindings(facts, findings);
    if (!facts.consortiumEligible()) {
      findings.add("The consortium is no longer eligible: " + facts.eligibilityReasons() + ".");
    }
    return findings;
  }

  private static void budgetFindings(Facts facts, List<String> findings) {
    if (facts.budget().isEmpty()) {
      findings.add("There is no budget.");
      return;
    }
    Set<String> inBudget = new HashSet<>();
    for (Budget.Entry entry : facts.budget()) {
      if (!inBudget.add(entry.partner())) {
        findings.add("The budget has more than one line for " + entry.partner() + ".");
      }
      if (!facts.consortiumPartners().contains(entry.partner())) {
        findings.add("The budget has a line for " + entry.partner() + ", who is not a confirmed partner.");
      }
    }
    for (String partner : facts.consortiumPartners()) {
      if (!inBudget.contains(partner)) {
        findings.add("The budget has no line for the partner " + partner + ".");
      }
    }
    Budget budget = Budget.of(facts.programme(), facts.actionType(), facts.budget());
    if (facts.storedBudgetTotal() == null || budget.total().compareTo(facts.storedBudgetTotal()) != 0) {
      findings.add("The budget total " + euros(facts.storedBudgetTotal()) + " does not add up: its lines give "
          + euros(budget.total()) + ".");
    }
    if (budget.requested().compareTo(facts.contributionCap()) > 0) {
      findings.add("The requested contribution " + euros(budget.requested()) + " is above the cap of "
          + euros(facts.contributionCap()) + ".");
    }
  }

  /** The findings as the lead reads them: a numbered list, or "No findings.". */
  public static String readable(List<String> findings) {
    return findings.isEmpty() ? "No findings."
        : IntStream.range(0, findings.size()).mapToObj(i -> (i + 1) + ". " + findings.get(i))
            .collect(Collectors.joining("\n"));
  }

  static String euros(BigDecimal amount) {
    if (amount == null) {
      return "(none)";
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount) + " EUR";
  }
}
