package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Reading the Tasklist filters and creating process instances are everyone's, through one global
 * grant each; which processes a person may start and which tasks they see stays with their groups.
 * Migration V13 removes the per-group grants on "*" that earlier versions created for the same.
 */
class EveryonesGrantsTest extends ProcessTestSupport {

  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private DataSource dataSource;
  @Autowired
  private TestRestTemplate rest;

  @Test
  void everyoneReadsTheFiltersButAPersonOutsideTheGroupsStartsNothingAndSeesNoTask() throws Exception {
    assertThat(globalGrant(Resources.FILTER).isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(globalGrant(Resources.PROCESS_INSTANCE).isPermissionGranted(Permissions.CREATE)).isTrue();
    assertThat(grantsOnEverything(Resources.FILTER)).as("no group needs its own").containsExactly("camunda-admin");
    screenGo(startIdea(validIdea()));
    User outsider = identityService.newUser("visitor");
    outsider.setPassword("visitor-password");
    identityService.saveUser(outsider);
    try {
      TestRestTemplate visitor = rest.withBasicAuth("visitor", "visitor-password");
      assertThat(json(visitor.getForEntity("/engine-rest/filter", String.class))).extracting(filter -> filter.get("name")
          .asText()).contains(TasklistFilters.MY_GROUPS_TASKS);
      assertThat(json(visitor.getForEntity("/engine-rest/task", String.class))).isEmpty();
      assertThat(visitor.postForEntity("/engine-rest/process-definition/key/proposal-lifecycle/start",
          Map.of("variables", Map.of()), String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      authenticate("visitor");
      try {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("proposal-lifecycle", validIdea()))
            .isInstanceOf(AuthorizationException.class).hasMessageContaining(Permissions.CREATE_INSTANCE.getName());
      } finally {
        identityService.clearAuthentication();
      }

      TestRestTemplate aino = rest.withBasicAuth("aino", "aino");
      assertThat(json(aino.getForEntity("/engine-rest/filter", String.class))).isNotEmpty();
      assertThat(json(aino.getForEntity("/engine-rest/task", String.class))).isNotEmpty();
    } finally {
      identityService.deleteUser("visitor");
    }
  }

  @Test
  void theGroupsGrantsOnEverythingOfEarlierVersionsAreRemoved() throws Exception {
    for (String group : List.of("industryWriters", "designManagers", ProposalGroups.PORTFOLIO_MANAGERS)) {
      grantAsBefore(group, Resources.FILTER, Permissions.READ);
      grantAsBefore(group, Resources.PROCESS_INSTANCE, Permissions.CREATE);
    }
    assertThat(grantsOnEverything(Resources.FILTER)).hasSize(4);

    try (Connection connection = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V13__everyones_grants.sql"));
    }

    assertThat(grantsOnEverything(Resources.FILTER)).containsExactly("camunda-admin");
    assertThat(grantsOnEverything(Resources.PROCESS_INSTANCE)).containsExactlyInAnyOrder("camunda-admin",
        ProposalGroups.PORTFOLIO_MANAGERS);
    Authorization portfolio = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(ProposalGroups.PORTFOLIO_MANAGERS)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId("*").singleResult();
    assertThat(portfolio.isPermissionGranted(Permissions.READ) && portfolio.isPermissionGranted(Permissions.UPDATE))
        .as("the portfolio managers' own").isTrue();
    assertThat(portfolio.isPermissionGranted(Permissions.CREATE)).isFalse();
    authenticate("aino");
    try {
      assertThat(runtimeService.startProcessInstanceByKey("proposal-lifecycle", validIdea()).getBusinessKey())
          .as("a writer still starts proposals").isNotNull();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** As earlier versions granted it: the group's own grant on every resource of the kind. */
  private void grantAsBefore(String group, Resource resource, Permission permission) {
    Authorization grant = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId("*")
        .singleResult();
    if (grant == null) {
      grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId("*");
    }
    grant.addPermission(permission);
    authorizationService.saveAuthorization(grant);
  }

  private Authorization globalGrant(Resource resource) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId("*").singleResult();
  }

  /** The groups holding a grant on every resource of the kind. */
  private List<String> grantsOnEverything(Resource resource) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId("*").list().stream().map(Authorization::getGroupId).toList();
  }
}
