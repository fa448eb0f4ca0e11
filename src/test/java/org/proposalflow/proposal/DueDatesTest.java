package org.proposalflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DueDatesTest {

  private static final Instant NOW = Instant.parse("2027-01-10T08:00:00Z");
  private final DueDates dueDates = new DueDates();

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void withinDaysButNeverAfterAnUpcomingDeadline() {
    assertThat(dueDates.within(5, at(NOW.plus(Duration.ofDays(30))))).isEqualTo(at(NOW.plus(Duration.ofDays(5))));
    assertThat(dueDates.within(5, at(NOW.plus(Duration.ofDays(2))))).isEqualTo(at(NOW.plus(Duration.ofDays(2))));
    assertThat(dueDates.within(5, at(NOW.minus(Duration.ofDays(2))))).as("deadline passed: plain days")
        .isEqualTo(at(NOW.plus(Duration.ofDays(5))));
  }

  @Test
  void daysBeforeTheDeadlineButNotInThePast() {
    assertThat(dueDates.daysBefore(at(NOW.plus(Duration.ofDays(60))), 30)).isEqualTo(at(NOW.plus(Duration.ofDays(30))));
    assertThat(dueDates.daysBefore(at(NOW.plus(Duration.ofDays(10))), 30)).as("too late for T-30: tomorrow")
        .isEqualTo(at(NOW.plus(Duration.ofDays(1))));
    assertThat(dueDates.daysBefore(at(NOW.plus(Duration.ofHours(5))), 30)).as("deadline today: the deadline")
        .isEqualTo(at(NOW.plus(Duration.ofHours(5))));
  }

  @Test
  void daysAfterTheDeadline() {
    assertThat(dueDates.daysAfter(at(NOW), 150)).isEqualTo(at(NOW.plus(Duration.ofDays(150))));
  }

  private static Date at(Instant instant) {
    return Date.from(instant);
  }
}
