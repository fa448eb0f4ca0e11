package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.StaticApplicationContext;

/** The set-up runs beside the deployment; the deployment's end waits for it and fails with its error. */
class SetUpAlongsideDeploymentTest {

  private final StaticApplicationContext context = new StaticApplicationContext();

  @Test
  void theDeploymentsEndFailsWithTheSetUpsError() {
    ProposalAuthorizations failing = new ProposalAuthorizations(null, null) {
      @Override
      public void ensure() {
        throw new IllegalStateException("grants could not be written");
      }
    };
    SetUpAlongsideDeployment setUp = new SetUpAlongsideDeployment(context, failing, new TasklistFilters(null, null),
        new StaticListableBeanFactory().getBeanProvider(DemoUsers.class));
    setUp.start(new ContextRefreshedEvent(context));
    assertThatThrownBy(setUp::awaitSetUp).isInstanceOf(IllegalStateException.class)
        .hasMessage("grants could not be written");
  }

  @Test
  void theSetUpRunsOnAThreadOfItsOwnAndTheDeploymentsEndWaitsForIt() {
    String[] ranOn = new String[1];
    ProposalAuthorizations recording = new ProposalAuthorizations(null, null) {
      @Override
      public void ensure() {
        sleep();
        ranOn[0] = Thread.currentThread().getName();
      }
    };
    TasklistFilters filters = new TasklistFilters(null, null) {
      @Override
      public void ensureFilters() {
      }
    };
    SetUpAlongsideDeployment setUp = new SetUpAlongsideDeployment(context, recording, filters,
        new StaticListableBeanFactory().getBeanProvider(DemoUsers.class));
    setUp.start(new ContextRefreshedEvent(context));
    setUp.awaitSetUp();
    assertThat(ranOn[0]).isEqualTo("set-up-identity");
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
