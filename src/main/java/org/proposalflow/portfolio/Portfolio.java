package org.proposalflow.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The portfolio figures of one filter, as the REST API and the Cockpit dashboard show them. */
public record Portfolio(
    PortfolioFilter filter,
    Figures total,
    List<ClusterFigures> clusters,
    Map<String, Map<String, Long>> stagesByCluster,
    Map<String, Long> fundedByProgramme,
    List<FunnelStep> funnel,
    List<TargetProgress> targets,
    List<AtRisk> atRisk) {

  /** Counts and euros of a set of proposals; each proposal counts once, whatever its history. */
  public record Figures(long launched, long screened, long submitted, long funded, long rejected, long reserve,
      long withdrawn, long declined, BigDecimal requestedEuros, BigDecimal grantedEuros, BigDecimal regionalEuros) {

    /** Funded among the decided (funded or rejected); null while nothing is decided. */
    @JsonProperty("successRate")
    public Double successRate() {
      long decided = funded + rejected;
      return decided == 0 ? null : Math.round(1000.0 * funded / decided) / 1000.0;
    }
  }

  public record ClusterFigures(String cluster, String name, Figures figures) {
  }

  public record FunnelStep(String step, long proposals) {
  }

  public record TargetProgress(String target, BigDecimal goal, BigDecimal actual, double share) {
  }

  public record AtRisk(String reference, String acronym, String title, String cluster, String stage,
      OffsetDateTime callDeadline, long daysToDeadline, List<String> risks, String processInstanceId) {
  }
}
