package org.proposalflow.proposal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;

/** The facts of a proposal idea as a writer submits (or revises) them. */
public record Idea(
    String title,
    String acronym,
    Cluster cluster,
    String summary,
    String programme,
    String callIdentifier,
    OffsetDateTime callDeadline,
    BigDecimal estimatedBudget,
    BigDecimal regionalShare,
    String leadOrganisation,
    String contactPerson,
    String contactEmail) {

  /** Reads and checks the idea's variables; throws {@link InvalidInputException} naming the first bad field. */
  public static Idea read(Inputs in) {
    String title = in.text("title", 300);
    String acronym = in.text("acronym", 40);
    Cluster cluster = Cluster.fromCode("cluster", in.text("cluster", 40));
    String summary = in.text("summary", 4000);
    String programme = in.choice("programme", Programme.codes());
    String callIdentifier = in.text("callIdentifier", 120);
    OffsetDateTime callDeadline = in.futureDateTime("callDeadline");
    BigDecimal estimatedBudget = in.positiveEuros("estimatedBudget");
    BigDecimal regionalShare = in.euros("regionalShare");
    if (regionalShare.compareTo(estimatedBudget) > 0) {
      throw new InvalidInputException("regionalShare", "the region's share (" + regionalShare.toPlainString()
          + " €) cannot exceed the estimated total budget (" + estimatedBudget.toPlainString() + " €)");
    }
    String leadOrganisation = in.text("leadOrganisation", 200);
    String contactPerson = in.text("contactPerson", 200);
    String contactEmail = in.optionalEmail("contactEmail");
    return new Idea(title, acronym, cluster, summary, programme, callIdentifier, callDeadline,
        estimatedBudget, regionalShare, leadOrganisation, contactPerson, contactEmail);
  }
}
