package org.proposalflow.proposal;

/** Where a proposal stands. The last four are final: the proposal's process has ended. */
public enum ProposalStage {
  SCREENING,
  IDEA_REWORK,
  PARTNER_SEARCH,
  DRAFTING,
  FINAL_APPROVAL,
  SUBMISSION,
  AWAITING_OUTCOME,
  RESERVE_LIST,
  RESUBMISSION_DECISION,
  GRANT_PREPARATION,
  DECLINED(true),
  FUNDED(true),
  NOT_FUNDED(true),
  WITHDRAWN(true);

  private final boolean finalStage;

  ProposalStage() {
    this(false);
  }

  ProposalStage(boolean finalStage) {
    this.finalStage = finalStage;
  }

  public boolean isFinal() {
    return finalStage;
  }
}
