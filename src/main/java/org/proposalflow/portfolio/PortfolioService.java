package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.proposalflow.portfolio.Portfolio.ClusterFigures;
import org.proposalflow.portfolio.Portfolio.Figures;
import org.proposalflow.portfolio.Portfolio.FunnelStep;
import org.proposalflow.portfolio.Portfolio.TargetProgress;
import org.proposalflow.portfolio.PortfolioQueries.Cell;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.Programme;
import org.springframework.stereotype.Service;

/** Puts the portfolio together: figures in total and per cluster, the funnel, progress against the targets, the risks. */
@Service
public class PortfolioService {

  static final int AT_RISK_LIMIT = 50;

  private final PortfolioQueries queries;
  private final PortfolioTargets targets;

  public PortfolioService(PortfolioQueries queries, PortfolioTargets targets) {
    this.queries = queries;
    this.targets = targets;
  }

  public Portfolio portfolio(PortfolioFilter filter) {
    List<Cell> cells = queries.cells(filter);
    Figures total = Cell.sum(cells);
    Map<String, List<Cell>> byCluster = cells.stream().collect(Collectors.groupingBy(Cell::cluster, TreeMap::new,
        Collectors.toList()));
    List<ClusterFigures> clusters = new ArrayList<>();
    byCluster.forEach((code, own) -> clusters.add(new ClusterFigures(code, name(code), Cell.sum(own))));
    Map<String, Map<String, Long>> stagesByCluster = new TreeMap<>();
    byCluster.forEach((code, own) -> stagesByCluster.put(code, own.stream().collect(
        Collectors.groupingBy(Cell::stage, TreeMap::new, Collectors.summingLong(Cell::proposals)))));
    Map<String, Long> fundedByProgramme = cells.stream().filter(Cell::funded).collect(
        Collectors.groupingBy(Cell::programme, TreeMap::new, Collectors.summingLong(Cell::proposals)));
    List<FunnelStep> funnel = List.of(
        new FunnelStep("launched", total.launched()),
        new FunnelStep("screened", total.screened()),
        new FunnelStep("submitted", total.submitted()),
        new FunnelStep("funded", total.funded()));
    return new Portfolio(filter, total, clusters, stagesByCluster, fundedByProgramme, funnel,
        progress(total, fundedByProgramme), queries.atRisk(filter, AT_RISK_LIMIT));
  }

  private List<TargetProgress> progress(Figures total, Map<String, Long> fundedByProgramme) {
    Map<String, BigDecimal> actual = Map.of(
        "initiativesLaunched", BigDecimal.valueOf(total.launched()),
        "proposalsSubmitted", BigDecimal.valueOf(total.submitted()),
        "proposalsFunded", BigDecimal.valueOf(total.funded()),
        "fundedFromHorizonEurope", BigDecimal.valueOf(fundedByProgramme.getOrDefault(Programme.HORIZON_EUROPE.code(), 0L)),
        "eurosToTheRegion", total.regionalEuros());
    List<TargetProgress> progress = new ArrayList<>();
    targets.getTargets().forEach((name, goal) -> {
      BigDecimal value = actual.getOrDefault(name, BigDecimal.ZERO);
      double share = goal.signum() == 0 ? 0 : value.divide(goal, 3, RoundingMode.HALF_UP).doubleValue();
      progress.add(new TargetProgress(name, goal, value, share));
    });
    return progress;
  }

  private static String name(String code) {
    for (Cluster cluster : Cluster.values()) {
      if (cluster.code().equals(code)) {
        return cluster.englishName();
      }
    }
    return code;
  }
}
