package org.proposalflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * Aggregates the drafting progress after every change to a section: into the proposal record and
 * into the readable variable {@code draftingProgress} of the drafting process, which its forms show
 * and Cockpit too. The lifecycle gets the variable when drafting ends (the call activity's output):
 * copied there on every change, each change would write it twice.
 */
@Component
public class DraftingStatus {

  public static final String VARIABLE = "draftingProgress";

  private final DraftingRecords records;
  private final ProgrammeRules rules;
  private final ProposalRecords proposals;

  public DraftingStatus(DraftingRecords records, ProgrammeRules rules, ProposalRecords proposals) {
    this.records = records;
    this.rules = rules;
    this.proposals = proposals;
  }

  public DraftingProgress refresh(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    // the record, not the process variable: the call deadline may have moved since drafting started
    Proposal proposal = proposals.find(reference).orElseThrow();
    DraftingProgress progress = DraftingProgress.of(records.sections(reference),
        rules.of(proposal.programme()).pageLimit(), proposal.callDeadline().toInstant(), Inputs.now());
    records.saveProgress(reference, progress);
    execution.getProcessInstance().setVariable(VARIABLE, progress.summary());
    return progress;
  }
}
