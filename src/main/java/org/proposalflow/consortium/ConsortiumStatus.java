package org.proposalflow.consortium;

import java.util.List;
import java.util.Map;

/**
 * A consortium at one moment, aggregated from its candidates' answers. Only confirmed coordinators
 * and beneficiaries count as entities; affiliated entities and associated partners do not.
 *
 * @param countingEntities confirmed coordinator and beneficiaries
 * @param countries distinct countries of the counting entities
 * @param eligibleCountries of those, EU Member States or Horizon Europe Associated Countries
 * @param memberStateCountries of those, EU Member States
 * @param associatedCountries of those, Horizon Europe Associated Countries
 * @param programmeCountries of those, countries of the programme's area (its data file)
 */
public record ConsortiumStatus(
    int confirmed,
    int declined,
    int pending,
    int noAnswer,
    int withdrawn,
    int countingEntities,
    List<String> countries,
    int eligibleCountries,
    int memberStateCountries,
    int associatedCountries,
    int programmeCountries,
    Map<String, Long> organisationTypes,
    String coordinator,
    String summary) {

  /** The inputs of the DMN decision {@code consortium-eligibility}. */
  public Map<String, Object> decisionInputs(String programme, String actionType) {
    return Map.of("programme", programme, "actionType", actionType, "countingEntities", countingEntities,
        "eligibleCountries", eligibleCountries, "memberStateCountries", memberStateCountries,
        "programmeCountries", programmeCountries);
  }
}
