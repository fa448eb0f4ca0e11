package org.proposalflow.identity;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/** Adds permissions to a group's grant on a resource, creating the grant or extending the one that exists. */
final class Grants {

  private Grants() {
  }

  static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    AuthorizationEntity pending = pendingInThisCommand(groupId, resource, resourceId);
    if (pending != null) {
      // the engine writes what it holds in its cache, with these permissions added, when the command ends
      for (Permission permission : permissions) {
        pending.addPermission(permission);
      }
      return;
    }
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing;
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
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
      authorizations.saveAuthorization(authorization);
    }
  }

  /**
   * A grant the engine created earlier in the same command and has not written yet (e.g. for a
   * task's candidate group): a query would not find it, and a second one would break the unique
   * index, so it is extended where it is.
   */
  private static AuthorizationEntity pendingInThisCommand(String groupId, Resource resource, String resourceId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return null;
    }
    return command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
        .filter(a -> groupId.equals(a.getGroupId()) && resource.resourceType() == a.getResourceType()
            && Objects.equals(resourceId, a.getResourceId()))
        .findFirst().orElse(null);
  }

}
