package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.proposal.Cluster;
import org.springframework.beans.factory.annotation.Autowired;

/** The set-up at every start puts back what is missing and leaves what is there. */
class ProposalAuthorizationsTest extends ProcessTestSupport {

  @Autowired
  private ProposalAuthorizations proposalAuthorizations;
  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private IdentityService identityService;

  @Test
  void ensuringAgainPutsBackAPermissionAGrantAndATenantMembershipAndAddsNothingElse() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long groups = identityService.createGroupQuery().count();
    Authorization writers = grant(Cluster.RURAL.writersGroup(), Resources.PROCESS_DEFINITION, "proposal-drafting");
    writers.removePermission(Permissions.TASK_WORK);
    authorizationService.saveAuthorization(writers);
    authorizationService.deleteAuthorization(grant(Cluster.DESIGN.managersGroup(), Resources.APPLICATION, "cockpit").getId());
    identityService.deleteTenantGroupMembership(Cluster.SECURITY.code(), ProposalGroups.PORTFOLIO_MANAGERS);
    // the tenant membership's own authorization goes with it
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations - 2);

    proposalAuthorizations.ensure();

    assertThat(grant(Cluster.RURAL.writersGroup(), Resources.PROCESS_DEFINITION, "proposal-drafting")
        .isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(grant(Cluster.DESIGN.managersGroup(), Resources.APPLICATION, "cockpit")
        .isPermissionGranted(Permissions.ACCESS)).isTrue();
    assertThat(identityService.createGroupQuery().memberOfTenant(Cluster.SECURITY.code())
        .groupId(ProposalGroups.PORTFOLIO_MANAGERS).count()).isOne();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);

    proposalAuthorizations.ensure();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createTenantQuery().count()).isEqualTo(Cluster.values().length);
  }

  private Authorization grant(String group, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
  }
}
