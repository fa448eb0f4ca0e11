package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.consortium.ConsortiumAggregation;
import org.proposalflow.consortium.ConsortiumPartner;
import org.proposalflow.consortium.ConsortiumPartners;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.springframework.stereotype.Component;

/**
 * "Check compliance": reads the proposal's sections, budget and consortium, asks
 * {@link ComplianceCheck}, and leaves {@code compliant} and the readable {@code complianceFindings}.
 */
@Component("checkCompliance")
public class CheckCompliance implements JavaDelegate {

  private final DraftingRecords records;
  private final ProgrammeRules rules;
  private final ProposalRecords proposals;
  private final ConsortiumPartners partners;
  private final ConsortiumAggregation consortium;

  public CheckCompliance(DraftingRecords records, ProgrammeRules rules, ProposalRecords proposals,
      ConsortiumPartners partners, ConsortiumAggregation consortium) {
    this.records = records;
    this.rules = rules;
    this.proposals = proposals;
    this.partners = partners;
    this.consortium = consortium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Proposal proposal = proposals.find(reference).orElseThrow();
    ProgrammeRules.Profile programme = rules.of(proposal.programme());
    Object cap = execution.getVariable("contributionCap");
    // a consortium the cluster manager chose to continue with stays accepted
    boolean eligible = Boolean.TRUE.equals(consortium.storedEligibility(reference))
        || "continuedAnyway".equals(execution.getVariable("consortiumOutcome"));
    List<String> findings = ComplianceCheck.findings(new ComplianceCheck.Facts(records.sections(reference), programme,
        BudgetPreparation.actionType(execution),
        cap == null ? programme.contributionCap() : new BigDecimal(cap.toString()),
        records.budgetEntries(reference), records.storedBudgetTotal(reference),
        partners.of(reference).stream().filter(ConsortiumPartner::confirmed).map(ConsortiumPartner::label).toList(),
        eligible, Objects.toString(execution.getVariable("eligibilityReasons"), "see the consortium status")));
    records.saveCompliance(reference, findings.size());
    execution.setVariable("compliant", findings.isEmpty());
    execution.setVariable("complianceFindings", ComplianceCheck.readable(findings));
  }
}
