package org.proposalflow.drafting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** How far the writing is: sections ready, pages against the limit, overdue sections, days to the call deadline. */
public record DraftingProgress(int ready, int approved, int total, int pages, int pageLimit, int overdue, long daysLeft) {

  public static DraftingProgress of(List<DraftSection> sections, int pageLimit, Instant callDeadline, Instant now) {
    return new DraftingProgress(
        (int) sections.stream().filter(DraftSection::ready).count(),
        (int) sections.stream().filter(DraftSection::approved).count(),
        sections.size(),
        sections.stream().map(DraftSection::pages).filter(Objects::nonNull).mapToInt(Integer::intValue).sum(),
        pageLimit,
        (int) sections.stream().filter(s -> s.overdue(now)).count(),
        Duration.between(now, callDeadline).toDays());
  }

  /** One line for Cockpit, Tasklist and the status endpoint. */
  public String summary() {
    return String.format(Locale.ROOT, "%d/%d sections ready (%d approved), %d of %d pages%s, %d overdue, %s",
        ready, total, approved, pages, pageLimit, pages > pageLimit ? " - OVER THE LIMIT" : "", overdue,
        daysLeft >= 0 ? daysLeft + " days to the call deadline" : "call deadline passed");
  }
}
