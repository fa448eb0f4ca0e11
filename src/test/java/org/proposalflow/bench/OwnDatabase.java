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

  /** The statement cache of the application's embedded default (application.yaml), for every H2 database measured. */
  static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=256";

  private OwnDatabase() {
  }

  static void forBenchmark(DynamicPropertyRegistry registry, String benchmark) {
    String url = nextTo(System.getProperty("spring.datasource.url", ""),
        System.getProperty("spring.datasource.username", "postgres"),
        System.getProperty("spring.datasource.password", ""), benchmark);
    registry.add("spring.datasource.url", () -> url);
  }

  /**
   * The URL of an empty database named after the given one and {@code name}: on PostgreSQL created
   * next to it (dropped first if an earlier run left it), otherwise an H2 in-memory one with the
   * application's H2 settings (the bare twin gets them too).
   */
  static String nextTo(String url, String user, String password, String name) {
    if (!url.startsWith("jdbc:postgresql:")) {
      return "jdbc:h2:mem:bench-" + name + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS;
    }
    int slash = url.lastIndexOf('/');
    String database = url.substring(slash + 1) + "_" + name;
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the benchmark database " + database + " next to " + url
          + " (the bench profile's pf.bench.db.url must name a database the user may connect to and create "
          + "databases from)", e);
    }
    return url.substring(0, slash + 1) + database;
  }
}
