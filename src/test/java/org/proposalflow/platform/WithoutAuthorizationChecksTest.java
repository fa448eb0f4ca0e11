package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;

/** The application's bookkeeping inside a person's step is not limited by what that person may read. */
class WithoutAuthorizationChecksTest extends ProcessTestSupport {

  private record Counts(long asThePerson, long asTheApplication, long asThePersonAgain, boolean checksOnAfter) {
  }

  @Test
  void insideAStepTheWorkSeesWhatThePersonCannotAndTheChecksComeBackAfter() {
    IdentityService identity = processEngine.getIdentityService();
    Counts counts = insideAStepOfSomeoneWithoutRights(command -> new Counts(
        identity.createUserQuery().memberOfGroup("industryWriters").count(),
        WithoutAuthorizationChecks.get(() -> identity.createUserQuery().memberOfGroup("industryWriters").count()),
        identity.createUserQuery().memberOfGroup("industryWriters").count(),
        command.isAuthorizationCheckEnabled()));

    assertThat(counts.asThePerson()).isZero();
    assertThat(counts.asTheApplication()).isEqualTo(2);
    assertThat(counts.asThePersonAgain()).isZero();
    assertThat(counts.checksOnAfter()).isTrue();
  }

  @Test
  void outsideAStepTheWorkRunsAsItIs() {
    assertThat(WithoutAuthorizationChecks.get(() -> processEngine.getIdentityService().createUserQuery()
        .memberOfGroup("industryWriters").count())).isEqualTo(2);
  }
}
