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

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.proposalflow.proposal.Cluster;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

  /**
   * In one transaction, reading what exists once: this runs before the application reports itself up
   * ({@link SetUpAlongsideDeployment}).
   */
  @Transactional
  public void ensure() {
    Map<String, String> groups = ProposalGroups.all();
    ensureGroups(groups);
    ensureTenants();
    // one global grant each rather than one per group: every Tasklist query joins each open task with
    // each grant on "*", and which processes a person may start is still up to their groups' grants
    Grants grants = new Grants(groups.keySet());
    grants.everyone(Resources.FILTER, "*", READ);
    grants.everyone(Resources.PROCESS_INSTANCE, "*", CREATE);
    for (String group : groups.keySet()) {
      grants.group(group, Resources.PROCESS_DEFINITION, SETTINGS, READ, CREATE_INSTANCE);
      grants.group(group, Resources.APPLICATION, "tasklist", ACCESS);
    }
    for (Cluster cluster : Cluster.values()) {
      grants.group(cluster.writersGroup(), Resources.PROCESS_DEFINITION, "proposal-lifecycle", READ, CREATE_INSTANCE);
      for (String process : PROPOSAL_PROCESSES) {
        grants.group(cluster.writersGroup(), Resources.PROCESS_DEFINITION, process, READ_INSTANCE, READ_HISTORY,
            READ_TASK, TASK_WORK, TASK_ASSIGN);
      }
      managerGrants(grants, cluster.managersGroup());
    }
    String portfolio = ProposalGroups.PORTFOLIO_MANAGERS;
    managerGrants(grants, portfolio);
    grants.group(portfolio, Resources.PROCESS_INSTANCE, "*", READ, UPDATE);
    grants.group(portfolio, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grants.group(portfolio, Resources.TASK, "*", READ, TASK_ASSIGN);
    grants.group(portfolio, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grants.saveChanged();
  }

  private static void managerGrants(Grants grants, String group) {
    grants.group(group, Resources.APPLICATION, "cockpit", ACCESS);
    grants.group(group, Resources.PROCESS_DEFINITION, "proposal-lifecycle", READ, CREATE_INSTANCE);
    for (String process : PROPOSAL_PROCESSES) {
      grants.group(group, Resources.PROCESS_DEFINITION, process, READ, READ_INSTANCE, UPDATE_INSTANCE, READ_HISTORY,
          READ_TASK, TASK_WORK, TASK_ASSIGN);
    }
    for (String process : MANAGER_ACTIONS) {
      grants.group(group, Resources.PROCESS_DEFINITION, process, READ, CREATE_INSTANCE);
    }
  }

  /**
   * The groups' grants and the global authorizations as they are, read once; adding permissions
   * creates a grant or extends the one that exists, and only those are saved.
   */
  private class Grants {

    private final Map<String, Authorization> byKey = new HashMap<>();
    private final Set<Authorization> changed = new LinkedHashSet<>();

    Grants(Collection<String> groupIds) {
      authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(groupIds.toArray(String[]::new)).list()
          .forEach(grant -> byKey.put(key(grant.getGroupId(), grant.getResourceType(), grant.getResourceId()), grant));
      authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL).list()
          .forEach(global -> byKey.put(key(null, global.getResourceType(), global.getResourceId()), global));
    }

    void group(String groupId, Resource resource, String resourceId, Permission... permissions) {
      add(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId, permissions);
    }

    /** The same for every user, whatever their groups: the global authorization on a resource. */
    void everyone(Resource resource, String resourceId, Permission... permissions) {
      add(Authorization.AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
    }

    private void add(int type, String groupId, Resource resource, String resourceId, Permission... permissions) {
      Authorization authorization = byKey.computeIfAbsent(key(groupId, resource.resourceType(), resourceId), missing -> {
        Authorization created = authorizationService.createNewAuthorization(type);
        created.setGroupId(groupId);
        created.setResource(resource);
        created.setResourceId(resourceId);
        changed.add(created);
        return created;
      });
      for (Permission permission : permissions) {
        if (!authorization.isPermissionGranted(permission)) {
          authorization.addPermission(permission);
          changed.add(authorization);
        }
      }
    }

    void saveChanged() {
      changed.forEach(authorizationService::saveAuthorization);
    }

    private static String key(String groupId, int resourceType, String resourceId) {
      return groupId + "|" + resourceType + "|" + resourceId;
    }
  }

  private void ensureGroups(Map<String, String> groups) {
    Set<String> existing = identityService.createGroupQuery().groupIdIn(groups.keySet().toArray(String[]::new)).list()
        .stream().map(Group::getId).collect(Collectors.toSet());
    groups.forEach((id, name) -> {
      if (!existing.contains(id)) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    });
  }

  private void ensureTenants() {
    Set<String> tenants = identityService.createTenantQuery().list().stream().map(Tenant::getId)
        .collect(Collectors.toSet());
    for (Cluster cluster : Cluster.values()) {
      if (!tenants.contains(cluster.code())) {
        Tenant tenant = identityService.newTenant(cluster.code());
        tenant.setName(cluster.englishName());
        identityService.saveTenant(tenant);
      }
    }
    for (Cluster cluster : Cluster.values()) {
      Set<String> members = identityService.createGroupQuery().memberOfTenant(cluster.code()).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      for (String group : List.of(cluster.writersGroup(), cluster.managersGroup(), ProposalGroups.PORTFOLIO_MANAGERS)) {
        if (!members.contains(group)) {
          identityService.createTenantGroupMembership(cluster.code(), group);
        }
      }
    }
  }
}
