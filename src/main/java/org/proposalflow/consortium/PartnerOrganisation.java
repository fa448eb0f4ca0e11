package org.proposalflow.consortium;

import java.util.List;

/** An organisation of the shared partner register. {@code code} is its stable key, e.g. {@code GTK}. */
public record PartnerOrganisation(
    String code,
    String name,
    String country,
    String organisationType,
    String pic,
    String contactPerson,
    String contactEmail) {

  public static final List<String> TYPES = List.of(
      "university", "research", "sme", "large", "public", "ngo", "cluster");

  public String label() {
    return name + " (" + country + ")";
  }
}
