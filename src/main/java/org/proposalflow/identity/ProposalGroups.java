package org.proposalflow.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalflow.proposal.Cluster;

/** The groups tasks are routed to: per cluster writers and managers, and the Regional Council's portfolio managers. */
public final class ProposalGroups {

  public static final String PORTFOLIO_MANAGERS = "portfolioManagers";
  public static final String ADMINISTRATORS = "camunda-admin";

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

  /**
   * The clusters a user's groups give them: null for portfolio managers and administrators, who see
   * every cluster; else the clusters they manage (and, if asked, write for), possibly none.
   */
  public static List<String> clustersOf(Authentication user, boolean writersToo) {
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.contains(PORTFOLIO_MANAGERS) || groups.contains(ADMINISTRATORS)) {
      return null;
    }
    List<String> clusters = new ArrayList<>();
    for (Cluster cluster : Cluster.values()) {
      if (groups.contains(cluster.managersGroup()) || (writersToo && groups.contains(cluster.writersGroup()))) {
        clusters.add(cluster.code());
      }
    }
    return clusters;
  }
}
