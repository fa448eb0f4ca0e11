package org.proposalflow.consortium;

/** A partner organisation in a proposal's consortium. */
public record ConsortiumPartner(
    String organisation,
    String country,
    String organisationType,
    String role,
    String contactEmail,
    boolean confirmed) {

  public static final java.util.List<String> TYPES = java.util.List.of(
      "university", "research", "sme", "large", "public", "ngo", "cluster");
  public static final java.util.List<String> ROLES = java.util.List.of(
      "coordinator", "beneficiary", "affiliated", "associated");
}
