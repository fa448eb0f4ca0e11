package org.proposalflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, started as the Docker image starts it, in production without an administrator. */
class ProductionStartIT {

  @Test
  void productionRefusesToStartWithoutItsAdministratorAndSaysWhy() throws Exception {
    ProcessBuilder builder = PackagedJar.process(List.of(), "--server.port=0");
    builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
    builder.environment().put("PROPOSAL_FLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/not-needed");
    builder.environment().remove("PROPOSAL_FLOW_ADMIN_ID");
    builder.environment().remove("PROPOSAL_FLOW_ADMIN_PASSWORD");
    Process process = builder.redirectErrorStream(true).start();

    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(output).contains("Proposal Flow does not start in production")
        .contains("PROPOSAL_FLOW_ADMIN_ID is not set").contains("PROPOSAL_FLOW_ADMIN_PASSWORD must be set");
  }
}
