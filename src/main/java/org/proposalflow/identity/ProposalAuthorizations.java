package org.proposalflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.proposalflow.proposal.Cluster;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what, set up at every start (only what is missing is created): the groups of
 * the clusters and of the Regional Council, and their standing permissions. What belongs to one
 * proposal is granted when it starts ({@link ProposalInstanceAuthorizations}).
 *
 * <ul>
 *   <li>writers: Tasklist; start proposals; their tasks come from being candidates;</li>
 *   <li>cluster managers: Tasklist and Cockpit; the process models; their cluster's proposals
 *       (granted per proposal); withdraw a proposal or move its deadline;</li>
 *   <li>portfolio managers: Tasklist and Cockpit; every proposal, task and history entry; they may
 *       also send a proposal its messages (e.g. the funder's outcome through the REST API).</li>
 * </ul>
 */
@Component
public class ProposalAuthorizations {

  static final List<String> PROPOSAL_PROCESSES = List.of("proposal-lifecycle", "partner-search", "proposal-drafting",
      "deadline-reminders");
  static final List<String> MANAGER_ACTIONS = List.of("proposal-withdrawal", "call-deadline-change");
  static final String SETTINGS = "notification-settings";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public ProposalAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @EventListener(PostDeployEvent.class)
  @Order(0)
  public void ensure() {
    ProposalGroups.all().forEach(this::ensureGroup);
    List<String> everyone = new ArrayList<>(ProposalGroups.all().keySet());
    for (String group : everyone) {
      grant(group, Resources.FILTER, "*", READ);
      grant(group, Resources.PROCESS_INSTANCE, "*", CREATE);
      grant(group, Resources.PROCESS_DEFINITION, SETTINGS, READ, CREATE_INSTANCE);
      grant(group, Resources.APPLICATION, "tasklist", ACCESS);
    }
    for (Cluster cluster : Cluster.values()) {
      grant(cluster.writersGroup(), Resources.PROCESS_DEFINITION, "proposal-lifecycle", READ, CREATE_INSTANCE);
      managerGrants(cluster.managersGroup());
    }
    String portfolio = ProposalGroups.PORTFOLIO_MANAGERS;
    managerGrants(portfolio);
    for (String process : PROPOSAL_PROCESSES) {
      grant(portfolio, Resources.PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    }
    grant(portfolio, Resources.PROCESS_INSTANCE, "*", READ, UPDATE);
    grant(portfolio, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(portfolio, Resources.TASK, "*", READ, TASK_ASSIGN);
    grant(portfolio, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
  }

  private void managerGrants(String group) {
    grant(group, Resources.APPLICATION, "cockpit", ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, "proposal-lifecycle", READ, CREATE_INSTANCE);
    for (String process : PROPOSAL_PROCESSES) {
      grant(group, Resources.PROCESS_DEFINITION, process, READ);
    }
    for (String process : MANAGER_ACTIONS) {
      grant(group, Resources.PROCESS_DEFINITION, process, READ, CREATE_INSTANCE);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Grants.grant(authorizationService, groupId, resource, resourceId, permissions);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }
}
