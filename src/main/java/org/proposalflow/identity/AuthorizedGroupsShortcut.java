package org.proposalflow.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before each authorization check the engine narrows the user's groups to those named in any
 * authorization, with a {@code select distinct} over the whole authorization table, several times
 * per Tasklist request (and on a database of before the cluster tenants, whose per-proposal grants
 * made that table grow with the portfolio, a scan of hundreds of thousands of rows). Our users belong
 * to a handful of groups, so their groups go to the check as they are: the result is the same (a
 * group without authorizations grants nothing); only long group lists are still narrowed, as the
 * engine does, to keep its queries short.
 */
@Component
public class AuthorizedGroupsShortcut extends AbstractProcessEnginePlugin {

  static final int GROUPS_PASSED_AS_THEY_ARE = 50;

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

  static class ShortcutAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > GROUPS_PASSED_AS_THEY_ARE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
