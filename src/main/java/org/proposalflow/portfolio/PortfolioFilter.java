package org.proposalflow.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * Which proposals a view counts: launched (idea submitted) in [from, to), of the given clusters (the
 * viewer's own, or all) and, optionally, one programme.
 */
public record PortfolioFilter(LocalDate from, LocalDate to, List<String> clusters, String programme) {
}
