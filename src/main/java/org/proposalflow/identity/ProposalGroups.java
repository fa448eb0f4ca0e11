package org.proposalflow.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.proposalflow.proposal.Cluster;

/** The groups tasks are routed to: per cluster writers and managers, and the Regional Council's portfolio managers. */
public final class ProposalGroups {

  public static final String PORTFOLIO_MANAGERS = "portfolioManagers";

  private ProposalGroups() {
  }

  /** Group id to readable group name. */
  public static Map<String, String> all() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (Cluster cluster : Cluster.values()) {
      groups.put(cluster.writersGroup(), cluster.englishName() + ": proposal writers");
      groups.put(cluster.managersGroup(), cluster.englishName() + ": cluster managers");
    }
    groups.put(PORTFOLIO_MANAGERS, "Regional Council of Lapland: portfolio managers");
    return groups;
  }
}
