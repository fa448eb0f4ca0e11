package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.proposal.Cluster;
import org.springframework.beans.factory.annotation.Autowired;

class DemoUsersTest extends ProcessTestSupport {

  @Autowired
  private IdentityService identityService;
  @Autowired
  private FilterService filterService;
  @Autowired
  private DemoUsers demoUsers;
  @Autowired
  private TasklistFilters filters;

  @Test
  void everyClusterHasWritersAndAManagerAndTheCouncilHasPortfolioManagers() {
    for (Cluster cluster : Cluster.values()) {
      assertThat(identityService.createUserQuery().memberOfGroup(cluster.writersGroup()).count())
          .as(cluster.writersGroup()).isGreaterThanOrEqualTo(2);
      assertThat(identityService.createUserQuery().memberOfGroup(cluster.managersGroup()).count())
          .as(cluster.managersGroup()).isGreaterThanOrEqualTo(1);
    }
    assertThat(identityService.createUserQuery().memberOfGroup(ProposalGroups.PORTFOLIO_MANAGERS).count()).isGreaterThanOrEqualTo(2);
    assertThat(identityService.checkPassword("aino", "aino")).isTrue();
    assertThat(identityService.checkPassword("demo", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("demo").count()).isOne();
  }

  @Test
  void seedingAgainChangesNothing() {
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long filterCount = filterService.createFilterQuery().count();

    demoUsers.seed();
    filters.ensureFilters();

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filterCount);
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.NEAR_DEADLINE).count()).isOne();
  }

  @Test
  void seedingPutsBackAMembershipThatWasRemoved() {
    identityService.deleteMembership("aino", Cluster.INDUSTRY.writersGroup());
    assertThat(identityService.createUserQuery().userId("aino").memberOfGroup(Cluster.INDUSTRY.writersGroup()).count()).isZero();

    demoUsers.seed();

    assertThat(identityService.createUserQuery().userId("aino").memberOfGroup(Cluster.INDUSTRY.writersGroup()).count()).isOne();
  }

  @Test
  void myGroupsTasksFilterShowsAWriterTheirClustersTasksOnly() {
    startIdea(validIdea());
    var idea = validIdea();
    idea.put("cluster", "security");
    startIdea(idea);
    String filterId = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUPS_TASKS).singleResult().getId();

    authenticate("helmi");
    java.util.List<org.camunda.bpm.engine.task.Task> tasks = filterService.list(filterId);
    identityService.clearAuthentication();

    assertThat(tasks).isNotEmpty().allSatisfy(task ->
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "industryManagers".equals(l.getGroupId())));
  }
}
