package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The engine opens our authorization manager, which hands a user's few groups to the checks
 * unchanged, refuses revoke authorizations and, with none in the database, does not look for them.
 */
class AuthorizedGroupsShortcutTest extends ProcessTestSupport {

  @Autowired
  private AuthorizedGroupsShortcut shortcut;
  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private TestRestTemplate rest;

  @Test
  void aFewGroupsGoToTheCheckAsTheyAreOnceEach() {
    AuthorizationManager manager = new AuthorizedGroupsShortcut.ShortcutAuthorizationManager();

    assertThat(manager.filterAuthenticatedGroupIds(List.of("industryWriters", "portfolioManagers", "industryWriters")))
        .containsExactly("industryWriters", "portfolioManagers");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
  }

  @Test
  void theEngineChecksAuthorizationsWithTheShortcut() {
    AuthorizationManager used = configuration().getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getAuthorizationManager());

    assertThat(used).isInstanceOf(AuthorizedGroupsShortcut.ShortcutAuthorizationManager.class);
  }

  @Test
  void aRevokeAuthorizationIsRefusedThroughTheApiAndTheRestApi() {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("saara");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("*");
    revoke.removePermission(Permissions.READ);

    assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("does not revoke");
    ResponseEntity<String> answer = rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/authorization/create",
        Map.of("type", Authorization.AUTH_TYPE_REVOKE, "permissions", List.of("READ"), "userId", "saara",
            "resourceType", Resources.PROCESS_DEFINITION.resourceType(), "resourceId", "*"), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("does not revoke");
    assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
        .isZero();
  }

  @Test
  void revokesFoundAtStartStayCheckedAndWithoutThemTheCheckIsLeftOut() {
    assertThat(configuration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    AuthorizationEntity revoke = new AuthorizationEntity(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("saara");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("*");
    revoke.removePermission(Permissions.READ);
    // as a database from before this check might hold one: written past the refusal
    configuration().getCommandExecutorTxRequired().execute(commandContext -> {
      commandContext.getDbEntityManager().insert(revoke);
      return null;
    });
    try {
      configuration().setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      shortcut.postProcessEngineBuild(processEngine);

      assertThat(configuration().getAuthorizationCheckRevokes())
          .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      assertThat(processDefinitionsSaaraSees()).isZero();
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
      shortcut.postProcessEngineBuild(processEngine);
    }
    assertThat(configuration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    assertThat(processDefinitionsSaaraSees()).isPositive();
  }

  private long processDefinitionsSaaraSees() {
    authenticate("saara");
    try {
      return processEngine.getRepositoryService().createProcessDefinitionQuery().count();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }
}
