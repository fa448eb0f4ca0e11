package org.proposalflow.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Three things the engine does around its authorization checks that give the same answer every time
 * here, left out or done more cheaply.
 * <ul>
 * <li>Before each check the engine narrows the user's groups to those named in any authorization,
 * with a {@code select distinct} over the whole authorization table, several times per Tasklist
 * request (and on a database of before the cluster tenants, whose per-proposal grants made that
 * table grow with the portfolio, a scan of hundreds of thousands of rows). Our users belong to a
 * handful of groups, so their groups go to the check as they are: the result is the same (a group
 * without authorizations grants nothing); only long group lists are still narrowed, as the engine
 * does, to keep its queries short.</li>
 * <li>In every command that checks a permission the engine first asks whether any revoke
 * authorization applies to the user (its default, {@code authorizationCheckRevokes=auto}). Access
 * here is granted, never revoked ({@link ProposalAuthorizations}), so saving a revoke authorization is
 * refused with a clear message, and when the database holds none at start the question is not
 * asked again (no node can add one). A database that already holds revokes keeps them checked.</li>
 * <li>Without revokes, a check such as "may work on this task" (any of: task work or update, on the
 * task or on its process definition) is granted exactly when one grant gives one of those permissions;
 * {@link GrantLookup} looks for it with one short query, instead of the engine's long statement built
 * anew for each check. When it finds none, the engine checks as usual, and refuses with its own
 * message.</li>
 * </ul>
 */
@Component
public class AuthorizedGroupsShortcut extends AbstractProcessEnginePlugin {

  static final int GROUPS_PASSED_AS_THEY_ARE = 50;
  static final String NO_REVOKES = "Proposal Flow grants permissions and does not revoke them: "
      + "instead of a revoke authorization, remove or narrow the grant that gives the permission";
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizedGroupsShortcut.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new ShortcutAuthorizationManager();
      }
    });
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes == 0) {
      engine.getProcessEngineConfiguration()
          .setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    } else {
      LOG.warn("{} revoke authorizations in the database: they stay checked, at one query more per command. {}",
          revokes, NO_REVOKES);
    }
  }

  static class ShortcutAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > GROUPS_PASSED_AS_THEY_ARE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
      if (userId != null && GrantLookup.answers(check)
          && check.getAtomicChecks().stream().allMatch(this::isResourceValidForPermission)
          && !isRevokeAuthCheckEnabled(userId, groupIds)
          && GrantLookup.granted(getDbSqlSession().getSqlSession().getConnection(),
              Context.getProcessEngineConfiguration().getDatabaseTablePrefix(), userId,
              filterAuthenticatedGroupIds(groupIds), check)) {
        return true;
      }
      return super.isAuthorized(userId, groupIds, check);
    }

    @Override
    public void validateResourceCompatibility(AuthorizationEntity authorization) {
      if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new BadUserRequestException(NO_REVOKES);
      }
      super.validateResourceCompatibility(authorization);
    }
  }
}
