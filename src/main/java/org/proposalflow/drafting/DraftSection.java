package org.proposalflow.drafting;

import java.time.Instant;

/** One section of a proposal: who writes it, by when, where, how long it is and where its review stands. */
public record DraftSection(String code, String title, int position, String owner, Instant firstDraftDue,
    Instant finalDue, String documentUrl, Integer pages, String status, String notes, String reviewComment,
    String reviewedBy, int revisionRounds, String evaluatorFeedback) {

  public static final String DRAFTING = "drafting";
  public static final String READY = "readyForReview";
  public static final String APPROVED = "approved";
  public static final String REVISIONS = "revisionsRequested";

  public boolean ready() {
    return READY.equals(status) || APPROVED.equals(status);
  }

  public boolean approved() {
    return APPROVED.equals(status);
  }

  /** The due date that applies now: the first draft's until it is ready once, the final one after revisions. */
  public Instant due() {
    return revisionRounds == 0 ? firstDraftDue : finalDue;
  }

  public boolean overdue(Instant now) {
    return !ready() && due().isBefore(now);
  }
}
