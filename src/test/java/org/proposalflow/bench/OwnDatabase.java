package org.proposalflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An empty database for each benchmark. The benchmarks run one after the other in one JVM, and
 * what one leaves behind would change another's figures: the lifecycle benchmark's 200 running
 * proposals and their tasks would join the Tasklist benchmark's 10,000, its outbox of undelivered
 * e-mails the notification drain's. On H2 an in-memory database of the benchmark's name; on
 * PostgreSQL (the {@code spring.datasource.url} the bench profile sets, e.g.
 * {@code .../proposalflow_bench}) a database named after that one and the benchmark
 * ({@code proposalflow_bench_lifecycle}), dropped and created again on every run.
 */
final class OwnDatabase {

  private OwnDatabase() {
  }

  static void forBenchmark(DynamicPropertyRegistry registry, String benchmark) {
    String configured = System.getProperty("spring.datasource.url", "");
    if (!configured.startsWith("jdbc:postgresql:")) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bench-" + benchmark + ";DB_CLOSE_DELAY=-1");
      return;
    }
    int slash = configured.lastIndexOf('/');
    String database = configured.substring(slash + 1) + "_" + benchmark;
    String user = System.getProperty("spring.datasource.username", "postgres");
    String password = System.getProperty("spring.datasource.password", "");
    try (Connection connection = DriverManager.getConnection(configured, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the benchmark database " + database + " next to " + configured
          + " (the bench profile's pf.bench.db.url must name a database the user may connect to and create "
          + "databases from)", e);
    }
    String url = configured.substring(0, slash + 1) + database;
    registry.add("spring.datasource.url", () -> url);
  }
}
