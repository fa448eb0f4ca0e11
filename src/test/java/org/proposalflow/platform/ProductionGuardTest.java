package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  private final ProductionGuard guard = new ProductionGuard();

  @Test
  void productionWithoutAnAdministratorOrDatabaseDoesNotStart() {
    MockEnvironment environment = prod();
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROPOSAL_FLOW_ADMIN_ID is not set")
        .hasMessageContaining("PROPOSAL_FLOW_ADMIN_PASSWORD must be set")
        .hasMessageContaining("PROPOSAL_FLOW_DB_URL is not set");
  }

  @Test
  void productionRefusesDemoPasswordsAndDemoUsers() {
    MockEnvironment environment = complete().withProperty("camunda.bpm.admin-user.password", "demo")
        .withProperty("proposal-flow.demo.users", "true");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("PROPOSAL_FLOW_ADMIN_PASSWORD").hasMessageContaining("demo users");
  }

  @Test
  void productionWithEverythingSetStarts() {
    assertThatCode(() -> guard.postProcessEnvironment(complete(), new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void theLocalDefaultIsNotChecked() {
    assertThatCode(() -> guard.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  private static MockEnvironment prod() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    return environment;
  }

  private static MockEnvironment complete() {
    return prod().withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "a-long-enough-secret")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/proposalflow");
  }
}
