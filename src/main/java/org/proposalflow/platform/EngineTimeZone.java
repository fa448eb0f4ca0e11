package org.proposalflow.platform;

import java.util.TimeZone;
import org.proposalflow.validation.Inputs;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the application in Lapland's time zone, whatever the host's (containers default to UTC). The
 * engine reads cron timers, such as the Monday-morning portfolio digest, in the JVM's zone, and
 * Camunda requires every node sharing a database to use the same zone: this makes both hold.
 * The application's own timestamps are stored with their offset and do not depend on it.
 */
public class EngineTimeZone implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    TimeZone.setDefault(TimeZone.getTimeZone(Inputs.PEOPLE_ZONE));
  }
}
