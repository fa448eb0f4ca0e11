package org.proposalflow.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryListsTest {

  private final CountryLists countries = new CountryLists();

  @Test
  void aProgrammesAreaComesFromItsFile() {
    assertThat(countries.programmeArea("interregAurora")).contains("FI", "SE", "NO").doesNotContain("DE");
    assertThat(countries.programmeArea("erasmusPlus")).contains("FI", "DE");
  }

  @Test
  void aProgrammeWithoutAnAreaFileOrUnknownHasAnEmptyArea() {
    assertThat(countries.programmeArea("horizonEurope")).isEmpty();
    assertThat(countries.programmeArea("noSuchProgramme")).isEmpty();
    assertThat(countries.programmeArea("../eu-member-states")).isEmpty();
    assertThat(countries.programmeArea(null)).isEmpty();
  }

  @Test
  void memberStatesAndAssociatedCountriesAreTold() {
    assertThat(countries.isMemberState("FI")).isTrue();
    assertThat(countries.isMemberState("NO")).isFalse();
    assertThat(countries.isAssociatedCountry("NO")).isTrue();
  }
}
