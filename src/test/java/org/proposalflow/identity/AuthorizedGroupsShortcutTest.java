package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;

/** The engine opens our authorization manager, which hands a user's few groups to the checks unchanged. */
class AuthorizedGroupsShortcutTest extends ProcessTestSupport {

  @Test
  void aFewGroupsGoToTheCheckAsTheyAreOnceEach() {
    AuthorizationManager manager = new AuthorizedGroupsShortcut.ShortcutAuthorizationManager();

    assertThat(manager.filterAuthenticatedGroupIds(List.of("industryWriters", "portfolioManagers", "industryWriters")))
        .containsExactly("industryWriters", "portfolioManagers");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
  }

  @Test
  void theEngineChecksAuthorizationsWithTheShortcut() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

    AuthorizationManager used = configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getAuthorizationManager());

    assertThat(used).isInstanceOf(AuthorizedGroupsShortcut.ShortcutAuthorizationManager.class);
  }
}
