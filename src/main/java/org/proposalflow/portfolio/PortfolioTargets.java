package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The Regional Council's targets, configurable under {@code proposal-flow.portfolio.targets}; the
 * defaults are the reference figures: 15 initiatives in two years (ASP), 42 proposals submitted,
 * 19 funded, 9 of them from Horizon, 6 million euros to the region (ASE).
 */
@Component
@ConfigurationProperties(prefix = "proposal-flow.portfolio")
public class PortfolioTargets {

  private Map<String, BigDecimal> targets = new LinkedHashMap<>();

  public PortfolioTargets() {
    targets.put("initiativesLaunched", new BigDecimal(15));
    targets.put("proposalsSubmitted", new BigDecimal(42));
    targets.put("proposalsFunded", new BigDecimal(19));
    targets.put("fundedFromHorizonEurope", new BigDecimal(9));
    targets.put("eurosToTheRegion", new BigDecimal(6_000_000));
  }

  public Map<String, BigDecimal> getTargets() {
    return targets;
  }

  public void setTargets(Map<String, BigDecimal> targets) {
    this.targets = targets;
  }
}
