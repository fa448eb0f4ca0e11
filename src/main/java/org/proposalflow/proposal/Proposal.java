package org.proposalflow.proposal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A proposal record as stored in the application's {@code proposal} table. */
public record Proposal(
    String reference,
    String processInstanceId,
    String title,
    String acronym,
    String cluster,
    String programme,
    String callIdentifier,
    OffsetDateTime callDeadline,
    BigDecimal estimatedBudget,
    BigDecimal regionalShare,
    ProposalStage stage,
    String documentUrl,
    String submissionId,
    OffsetDateTime submittedAt,
    BigDecimal requestedBudget,
    String evaluationResult,
    String evaluationFeedback,
    BigDecimal grantedAmount,
    BigDecimal grantedRegionalShare,
    int resubmissionCount,
    String withdrawReason,
    OffsetDateTime closedAt) {
}
