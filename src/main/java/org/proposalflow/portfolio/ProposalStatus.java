package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Where one proposal stands, for its managers: stage, time left, consortium, draft, risks and money. */
public record ProposalStatus(
    String reference,
    String acronym,
    String title,
    String cluster,
    String programme,
    String stage,
    OffsetDateTime callDeadline,
    long daysToDeadline,
    Consortium consortium,
    String drafting,
    List<String> risks,
    BigDecimal estimatedRegionalShare,
    BigDecimal requestedEuros,
    BigDecimal grantedEuros,
    BigDecimal grantedRegionalShare,
    OffsetDateTime lastActivity,
    String processInstanceId) {

  public record Consortium(long partners, long confirmed, List<String> countries) {
  }
}
