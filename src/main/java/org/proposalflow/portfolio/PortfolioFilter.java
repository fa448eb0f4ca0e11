package org.proposalflow.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * Which proposals a view counts: launched (idea submitted) in [from, to), of the given clusters (the
 * viewer's own, or all when null) and, optionally, one programme.
 */
public record PortfolioFilter(LocalDate from, LocalDate to, List<String> clusters, String programme) {

  /** The period the Regional Council's two-year targets count: since 1 January of last year, up to today. */
  public static PortfolioFilter targetPeriod(LocalDate today, List<String> clusters) {
    return new PortfolioFilter(LocalDate.of(today.getYear() - 1, 1, 1), today.plusDays(1), clusters, null);
  }
}
