package org.proposalflow.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may work on a cluster's task. The engine would grant every candidate, assignee and owner
 * permissions on each task, one authorization row per task and group; Tasklist's queries then join
 * every open task with every such row, which grows with the square of a cluster's open tasks. Here a
 * cluster's tasks get no rows of their own: the cluster's groups hold standing grants on the
 * proposal processes ({@link ProposalAuthorizations}), the tenant limits them to their cluster
 * ({@link ClusterTenants}), and this check keeps what the per-task grants meant: a person claims
 * and completes only a task assigned to them or, unassigned, offered to them (candidate user or
 * member of a candidate group); they hand on only a task assigned or offered to them (also one a
 * colleague of their group claimed, as the engine's grants allowed); the cluster's managers and the
 * portfolio managers may also assign any of its tasks.
 * Tasks without a cluster (notification settings) keep the engine's per-task grants.
 */
@Component
public class ClusterTaskAccess extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoGrantsForClusterTasks());
    // the offer is checked before the tenant, so another cluster's task is refused as unauthorized
    configuration.setCommandCheckers(new ArrayList<>(List.of(new OfferedTasksOnly(), new TenantCommandChecker())));
  }

  static class NoGrantsForClusterTasks extends DefaultAuthorizationProvider {
    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      return isClusterTask(task) ? NONE : super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return isClusterTask(task) ? NONE : super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return isClusterTask(task) ? NONE : super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return isClusterTask(task) ? NONE : super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
      return isClusterTask(task) ? NONE : super.deleteTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      return isClusterTask(task) ? NONE : super.deleteTaskGroupIdentityLink(task, groupId, type);
    }
  }

  static class OfferedTasksOnly extends AuthorizationCommandChecker {

    @Override
    public void checkTaskWork(TaskEntity task) {
      super.checkTaskWork(task);
      Authentication user = personToCheck(task);
      if (user != null && !mayWorkOn(task, user)) {
        throw refused(user, Permissions.TASK_WORK, task);
      }
    }

    @Override
    public void checkTaskAssign(TaskEntity task) {
      super.checkTaskAssign(task);
      Authentication user = personToCheck(task);
      if (user != null && !mayAssign(task, user)) {
        throw refused(user, Permissions.TASK_ASSIGN, task);
      }
    }

    /** The person acting on a cluster's task, when the engine checks authorizations at all; else null. */
    private static Authentication personToCheck(TaskEntity task) {
      CommandContext command = Context.getCommandContext();
      Authentication user = command.getAuthentication();
      boolean checked = command.getProcessEngineConfiguration().isAuthorizationEnabled()
          && command.isAuthorizationCheckEnabled() && user != null && user.getUserId() != null
          && !command.getAuthorizationManager().isCamundaAdmin(user);
      return checked && isClusterTask(task) ? user : null;
    }

    /** Assigned to them, or unassigned with them among the candidates. */
    private static boolean mayWorkOn(TaskEntity task, Authentication user) {
      return task.getAssignee() != null ? task.getAssignee().equals(user.getUserId()) : isCandidate(task, user);
    }

    /** Assigned to them or offered to them (even if a colleague claimed it): they may hand it on. */
    private static boolean mayAssign(TaskEntity task, Authentication user) {
      return user.getUserId().equals(task.getAssignee()) || isCandidate(task, user) || managesClusterOf(task, user);
    }

    private static boolean isCandidate(TaskEntity task, Authentication user) {
      List<String> groups = groupsOf(user);
      return task.getCandidates().stream()
          .anyMatch(link -> user.getUserId().equals(link.getUserId()) || groups.contains(link.getGroupId()));
    }

    private static boolean managesClusterOf(TaskEntity task, Authentication user) {
      List<String> managed = ProposalGroups.clustersOf(user, false);
      return managed == null || managed.contains(task.getTenantId());
    }

    private static List<String> groupsOf(Authentication user) {
      return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }

    private static AuthorizationException refused(Authentication user, Permissions permission, TaskEntity task) {
      return new AuthorizationException(user.getUserId(), permission.getName(), Resources.TASK.resourceName(),
          task.getId());
    }
  }

  private static boolean isClusterTask(Task task) {
    return ClusterTenants.tenantOf(task.getTenantId()) != null;
  }
}
