package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalflow.consortium.ConsortiumPartner;
import org.proposalflow.consortium.ConsortiumPartners;
import org.proposalflow.platform.CodeLists;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.Inputs;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * "Prepare the budget": one line per confirmed partner with its direct costs; indirect costs,
 * requested contribution, totals and the regional share are computed ({@link Budget}). Used in BPMN
 * as {@code ${budgetPreparation.offer(execution)}} and {@code ${budgetPreparation.save(task)}}.
 */
@Component("budgetPreparation")
public class BudgetPreparation {

  static final String LINES = "budgetLines";

  private final ProgrammeRules rules;
  private final DraftingRecords records;
  private final ProposalRecords proposals;
  private final ConsortiumPartners partners;
  private final Set<String> regionalOrganisations;

  public BudgetPreparation(ProgrammeRules rules, DraftingRecords records, ProposalRecords proposals,
      ConsortiumPartners partners) {
    this.rules = rules;
    this.records = records;
    this.proposals = proposals;
    this.partners = partners;
    this.regionalOrganisations = CodeLists.read("drafting/regional-organisations.txt");
  }

  /** One row per confirmed partner, with the amounts of the previous budget when there is one. */
  public void offer(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Map<String, Budget.Entry> previous = records.budgetEntries(reference).stream()
        .collect(Collectors.toMap(Budget.Entry::partner, Function.identity()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ConsortiumPartner partner : confirmedPartners(reference)) {
      Budget.Entry before = previous.get(partner.label());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("partner", partner.label());
      row.put("organisationType", partner.organisationType());
      row.put("regional", before != null ? before.regional() : regionalOrganisations.contains(partner.organisationCode()));
      row.put("personnel", before == null ? 0 : before.personnel());
      row.put("subcontracting", before == null ? 0 : before.subcontracting());
      row.put("otherDirect", before == null ? 0 : before.otherDirect());
      rows.add(row);
    }
    execution.setVariable(LINES, FormRows.json(rows));
    execution.setVariable("budgetRules", rulesText(rules.of(programmeOf(reference)), actionType(execution)));
  }

  /** The lines are checked whole (known partners, once each, no negative amounts), then the budget is saved. */
  public void save(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    Map<String, ConsortiumPartner> confirmed = confirmedPartners(reference).stream()
        .collect(Collectors.toMap(ConsortiumPartner::label, Function.identity()));
    List<Budget.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> row : FormRows.of(task.getVariable(LINES), LINES)) {
      Inputs in = Inputs.of(row);
      String label = FormRows.inRow(LINES, String.valueOf(row.get("partner")), () -> in.text("partner", 300));
      ConsortiumPartner partner = confirmed.get(label);
      if (partner == null) {
        throw new InvalidInputException(LINES + "[" + label + "].partner",
            "is not a confirmed partner of the consortium; partners: " + confirmed.keySet().stream().sorted().toList());
      }
      if (!seen.add(label)) {
        throw new InvalidInputException(LINES + "[" + label + "].partner", "has more than one budget line");
      }
      entries.add(new Budget.Entry(label, partner.organisationType(),
          FormRows.inRow(LINES, label, () -> in.flag("regional")),
          FormRows.inRow(LINES, label, () -> in.euros("personnel")),
          FormRows.inRow(LINES, label, () -> in.euros("subcontracting")),
          FormRows.inRow(LINES, label, () -> in.euros("otherDirect"))));
    }
    if (entries.isEmpty()) {
      throw new InvalidInputException(LINES, "needs a line for each partner");
    }
    Budget budget = Budget.of(rules.of(programmeOf(reference)), actionType(task.getExecution()), entries);
    records.saveBudget(reference, budget);
    task.setVariable("budgetSummary", summary(budget));
    task.setVariable("budgetRequested", budget.requested().doubleValue());
    task.setVariable("budgetNeeded", false);
  }

  static String summary(Budget budget) {
    return "Total " + ComplianceCheck.euros(budget.total()) + " (direct " + ComplianceCheck.euros(budget.direct())
        + ", indirect " + ComplianceCheck.euros(budget.indirect()) + "); requested " + ComplianceCheck.euros(budget.requested())
        + ", of which to Lapland " + ComplianceCheck.euros(budget.regionalRequested());
  }

  private static String rulesText(ProgrammeRules.Profile programme, String actionType) {
    String base = switch (programme.indirectBase()) {
      case directExceptSubcontracting -> "direct costs except subcontracting";
      case personnel -> "personnel costs";
    };
    String forProfit = programme.forProfitFundingRates().containsKey(actionType)
        ? ", for-profit partners " + percent(programme.forProfitFundingRates().get(actionType)) : "";
    return "Indirect costs: " + percent(programme.indirectRate()) + " of " + base + ". Funding rate: "
        + percent(programme.fundingRate()) + forProfit + ". The programme's cap: "
        + ComplianceCheck.euros(programme.contributionCap()) + ".";
  }

  private static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  private List<ConsortiumPartner> confirmedPartners(String reference) {
    return partners.of(reference).stream().filter(ConsortiumPartner::confirmed).toList();
  }

  private String programmeOf(String reference) {
    return proposals.find(reference).map(Proposal::programme).orElseThrow();
  }

  /** Horizon Europe's action type from partner search; other programmes have one kind of action. */
  static String actionType(DelegateExecution execution) {
    Object actionType = execution.getVariable("actionType");
    return actionType == null ? "standard" : actionType.toString();
  }
}
