package org.proposalflow.consortium;

import java.time.OffsetDateTime;
import java.util.List;

/** A candidate partner of a proposal's consortium: its role, and how it answered the invitation. */
public record ConsortiumPartner(
    long id,
    String organisationCode,
    String organisation,
    String country,
    String organisationType,
    String role,
    String contactEmail,
    String answer,
    String commitmentLetter,
    OffsetDateTime responseDeadline) {

  public static final List<String> ROLES = List.of("coordinator", "beneficiary", "affiliated", "associated");

  public static final String INVITED = "invited";
  public static final String CONFIRMED = "confirmed";
  public static final String DECLINED = "declined";
  public static final String NO_ANSWER = "no_answer";
  public static final String WITHDRAWN = "withdrawn";

  public boolean confirmed() {
    return CONFIRMED.equals(answer);
  }

  public boolean pending() {
    return INVITED.equals(answer);
  }

  /** Only the coordinator and beneficiaries count towards a consortium's eligibility. */
  public boolean countsAsEntity() {
    return confirmed() && ("coordinator".equals(role) || "beneficiary".equals(role));
  }

  public String label() {
    return organisation + " (" + country + ")";
  }
}
