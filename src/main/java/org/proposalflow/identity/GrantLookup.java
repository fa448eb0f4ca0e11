package org.proposalflow.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Whether a grant gives the user one of the permissions a check asks for, found with one short
 * query. Without revoke authorizations that is the engine's whole answer for a check of the kind
 * "any of these" (it is what its long statement computes, tier by tier: the user's grants, their
 * groups', the global ones; on the resource or on all of its kind): the engine builds that statement,
 * 19 KB with 173 parameters for claiming or completing a task, anew for each check.
 */
final class GrantLookup {

  private static final String ANY = Authorization.ANY;

  private GrantLookup() {
  }

  /** Whether the lookup can answer the check: "any of these" checks, each on a resource or on all. */
  static boolean answers(CompositePermissionCheck check) {
    if (!check.isDisjunctive() || !check.getCompositeChecks().isEmpty() || check.getAtomicChecks().isEmpty()) {
      return false;
    }
    return check.getAtomicChecks().stream().allMatch(atomic -> atomic.getResourceIdQueryParam() == null);
  }

  /** True when a grant of the user, of one of their groups or to everyone gives one of the checked permissions. */
  static boolean granted(Connection connection, String tablePrefix, String userId, List<String> groupIds,
      CompositePermissionCheck check) {
    Set<Integer> resourceTypes = new LinkedHashSet<>();
    Set<String> resourceIds = new LinkedHashSet<>();
    resourceIds.add(ANY);
    for (PermissionCheck atomic : check.getAtomicChecks()) {
      resourceTypes.add(atomic.getResourceType());
      if (atomic.getResourceId() != null) {
        resourceIds.add(atomic.getResourceId());
      }
    }
    List<String> groups = groupIds == null ? List.of() : groupIds;
    String sql = "select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from " + tablePrefix + "ACT_RU_AUTHORIZATION"
        + " where RESOURCE_TYPE_ in (" + placeholders(resourceTypes.size()) + ")"
        + " and RESOURCE_ID_ in (" + placeholders(resourceIds.size()) + ")"
        + " and ((TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " and (USER_ID_ = ?"
        + (groups.isEmpty() ? "" : " or GROUP_ID_ in (" + placeholders(groups.size()) + ")") + "))"
        + " or (TYPE_ = " + Authorization.AUTH_TYPE_GLOBAL + " and USER_ID_ = '" + ANY + "'))";
    List<Object> parameters = new ArrayList<>(resourceTypes);
    parameters.addAll(resourceIds);
    parameters.add(userId);
    parameters.addAll(groups);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet grants = statement.executeQuery()) {
        while (grants.next()) {
          if (givesAny(grants.getInt(1), grants.getString(2), grants.getInt(3), check.getAtomicChecks())) {
            return true;
          }
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not read the authorizations of user " + userId, e);
    }
    return false;
  }

  private static boolean givesAny(int resourceType, String resourceId, int perms, List<PermissionCheck> checks) {
    for (PermissionCheck atomic : checks) {
      boolean onResource = resourceId.equals(ANY) || resourceId.equals(atomic.getResourceId());
      if (atomic.getResourceType() == resourceType && onResource && (perms & atomic.getPerms()) == atomic.getPerms()) {
        return true;
      }
    }
    return false;
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
