package org.proposalflow.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputsTest {

  @Test
  void readsFormDateTimesWithOrWithoutSecondsOffsetOrZone() {
    assertThat(inputs("t", "2027-03-01T17:00+02:00").dateTime("t")).isEqualTo(OffsetDateTime.parse("2027-03-01T17:00+02:00"));
    assertThat(inputs("t", "2027-03-01T15:00:30Z").dateTime("t").toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-01T15:00:30Z").toInstant());
    assertThat(inputs("t", "2027-06-01T17:00").dateTime("t")).as("Helsinki summer time")
        .isEqualTo(OffsetDateTime.parse("2027-06-01T17:00+03:00"));
    Date date = Date.from(OffsetDateTime.parse("2027-03-01T17:00+02:00").toInstant());
    assertThat(inputs("t", date).dateTime("t").toInstant()).isEqualTo(date.toInstant());
    assertThatThrownBy(() -> inputs("t", "1.3.2027 17:00").dateTime("t"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("t: ");
  }

  @Test
  void eurosAcceptNumbersAndNumericStringsButNotNegativesOrFractionsOfCents() {
    assertThat(inputs("b", 1500).euros("b")).isEqualByComparingTo("1500");
    assertThat(inputs("b", 1500.25).euros("b")).isEqualByComparingTo("1500.25");
    assertThat(inputs("b", " 99.9 ").euros("b")).isEqualByComparingTo("99.9");
    assertThatThrownBy(() -> inputs("b", -1).euros("b")).hasMessage("b: must not be negative, got -1");
    assertThatThrownBy(() -> inputs("b", 0).positiveEuros("b")).hasMessage("b: must be greater than 0 euros, got 0");
    assertThatThrownBy(() -> inputs("b", "1.005").euros("b")).hasMessageContaining("two decimals");
    assertThatThrownBy(() -> inputs("b", "lots").euros("b")).hasMessageContaining("not a number");
  }

  @Test
  void checksEmailHttpsLinksCountriesAndChoices() {
    assertThat(inputs("e", "a.b@example.org").email("e")).isEqualTo("a.b@example.org");
    assertThatThrownBy(() -> inputs("e", "a.b@").email("e")).isInstanceOf(InvalidInputException.class);
    assertThat(inputs("u", "https://docs.example.org/x?y=1").httpsUrl("u")).startsWith("https://");
    assertThatThrownBy(() -> inputs("u", "http://docs.example.org").httpsUrl("u")).hasMessageContaining("https://");
    assertThatThrownBy(() -> inputs("u", "https://localhost").httpsUrl("u")).isInstanceOf(InvalidInputException.class);
    assertThat(inputs("c", "se").countryCode("c")).isEqualTo("SE");
    assertThatThrownBy(() -> inputs("c", "EU").countryCode("c")).hasMessageContaining("ISO 3166");
    assertThatThrownBy(() -> inputs("d", "maybe").choice("d", "go", "nogo")).hasMessage("d: 'maybe' is not one of go, nogo");
    assertThatThrownBy(() -> inputs("x", "   ").text("x", 10)).hasMessage("x: is required");
    assertThatThrownBy(() -> inputs("x", "12345678901").text("x", 10)).hasMessageContaining("longer than 10");
  }

  @Test
  void datesMustLieAheadWhenAsked() {
    LocalDate tomorrow = LocalDate.now(Inputs.PEOPLE_ZONE).plusDays(1);
    assertThat(inputs("d", tomorrow.toString()).futureDate("d")).isEqualTo(tomorrow);
    assertThatThrownBy(() -> inputs("d", LocalDate.now(Inputs.PEOPLE_ZONE).toString()).futureDate("d"))
        .hasMessageContaining("after today");
  }

  private static Inputs inputs(String name, Object value) {
    return Inputs.of(Map.of(name, value));
  }
}
