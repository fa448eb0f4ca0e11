package org.proposalflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.proposalflow.proposal.Cluster;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what, set up at every start (only what is missing is created): the groups of
 * the clusters and of the Regional Council, one tenant per cluster ({@link ClusterTenants}) with
 * its groups as members, and the groups' standing permissions. The permissions on the proposal
 * processes cover every instance, task and history entry of those processes; the tenant narrows
 * them to the member's clusters, and {@link ClusterTaskAccess} to the tasks offered to a person.
 *
 * <ul>
 *   <li>writers: Tasklist; start proposals; see their cluster's proposals, tasks and history; work
 *       on the tasks offered to them;</li>
 *   <li>cluster managers: Tasklist and Cockpit; the process models; their cluster's proposals, which
 *       they may also update (e.g. send a message), and its tasks, which they may assign; withdraw a
 *       proposal or move its deadline;</li>
 *   <li>portfolio managers: Tasklist and Cockpit; members of every cluster's tenant: every proposal,
 *       task and history entry; they may also send a proposal its messages (e.g. the funder's
 *       outcome through the REST API).</li>
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
    for (Cluster cluster : Cluster.values()) {
      ensureTenant(cluster);
      ensureTenantMembership(cluster, cluster.writersGroup());
      ensureTenantMembership(cluster, cluster.managersGroup());
      ensureTenantMembership(cluster, ProposalGroups.PORTFOLIO_MANAGERS);
    }
    // one global grant each rather than one per group: every Tasklist query joins each open task with
    // each grant on "*", and which processes a person may start is still up to their groups' grants
    grantEveryone(Resources.FILTER, "*", READ);
    grantEveryone(Resources.PROCESS_INSTANCE, "*", CREATE);
    for (String group : ProposalGroups.all().keySet()) {
      grant(group, Resources.PROCESS_DEFINITION, SETTINGS, READ, CREATE_INSTANCE);
      grant(group, Resources.APPLICATION, "tasklist", ACCESS);
    }
    for (Cluster cluster : Cluster.values()) {
      grant(cluster.writersGroup(), Resources.PROCESS_DEFINITION, "proposal-lifecycle", READ, CREATE_INSTANCE);
      for (String process : PROPOSAL_PROCESSES) {
        grant(cluster.writersGroup(), Resources.PROCESS_DEFINITION, process, READ_INSTANCE, READ_HISTORY, READ_TASK,
            TASK_WORK, TASK_ASSIGN);
      }
      managerGrants(cluster.managersGroup());
    }
    String portfolio = ProposalGroups.PORTFOLIO_MANAGERS;
    managerGrants(portfolio);
    grant(portfolio, Resources.PROCESS_INSTANCE, "*", READ, UPDATE);
    grant(portfolio, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(portfolio, Resources.TASK, "*", READ, TASK_ASSIGN);
    grant(portfolio, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
  }

  private void managerGrants(String group) {
    grant(group, Resources.APPLICATION, "cockpit", ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, "proposal-lifecycle", READ, CREATE_INSTANCE);
    for (String process : PROPOSAL_PROCESSES) {
      grant(group, Resources.PROCESS_DEFINITION, process, READ, READ_INSTANCE, UPDATE_INSTANCE, READ_HISTORY, READ_TASK,
          TASK_WORK, TASK_ASSIGN);
    }
    for (String process : MANAGER_ACTIONS) {
      grant(group, Resources.PROCESS_DEFINITION, process, READ, CREATE_INSTANCE);
    }
  }

  /** Adds permissions to a group's grant on a resource, creating the grant or extending the one that exists. */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grantOrExtend(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId, permissions);
  }

  /** The same for every user, whatever their groups: the global authorization on a resource. */
  private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    grantOrExtend(Authorization.AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
  }

  /** A group's grant (groupId given) or the global authorization (null). */
  private void grantOrExtend(int type, String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationQuery existing = authorizationService.createAuthorizationQuery().authorizationType(type)
        .resourceType(resource).resourceId(resourceId);
    if (groupId != null) {
      existing.groupIdIn(groupId);
    }
    Authorization authorization = existing.singleResult();
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(type);
      if (groupId != null) {
        authorization.setGroupId(groupId);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void ensureTenant(Cluster cluster) {
    if (identityService.createTenantQuery().tenantId(cluster.code()).count() == 0) {
      Tenant tenant = identityService.newTenant(cluster.code());
      tenant.setName(cluster.englishName());
      identityService.saveTenant(tenant);
    }
  }

  private void ensureTenantMembership(Cluster cluster, String groupId) {
    if (identityService.createTenantQuery().tenantId(cluster.code()).groupMember(groupId).count() == 0) {
      identityService.createTenantGroupMembership(cluster.code(), groupId);
    }
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
