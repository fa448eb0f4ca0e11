package org.proposalflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start without a database and a first administrator from the
 * environment, and never with a demo password: a clear message before anything else starts.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

  static final int MINIMUM_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String admin = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (admin.isBlank()) {
      problems.add("PROPOSAL_FLOW_ADMIN_ID is not set: the first administrator's user id");
    }
    if (password.length() < MINIMUM_PASSWORD_LENGTH || password.equals(admin) || password.equals("demo")) {
      problems.add("PROPOSAL_FLOW_ADMIN_PASSWORD must be set, at least " + MINIMUM_PASSWORD_LENGTH
          + " characters, and not the user id or a demo password");
    }
    if (environment.getProperty("spring.datasource.url", "").isBlank()) {
      problems.add("PROPOSAL_FLOW_DB_URL is not set, e.g. jdbc:postgresql://db:5432/proposalflow");
    }
    if (environment.getProperty("proposal-flow.demo.users", Boolean.class, false)) {
      problems.add("demo users are switched on (proposal-flow.demo.users)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Proposal Flow does not start in production: " + String.join("; ", problems));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
