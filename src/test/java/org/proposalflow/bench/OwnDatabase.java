package org.proposalflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
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

  /** The settings of the application's embedded default (application.yaml), for every H2 database measured. */
  static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=256;DB_CLOSE_ON_EXIT=FALSE";

  /** The H2 databases handed out in this JVM: they live in its heap until shut down. */
  private static final Set<String> IN_MEMORY = new LinkedHashSet<>();

  private OwnDatabase() {
  }

  /**
   * The benchmarks run one after the other in one JVM, and an in-memory H2 database outlives the
   * benchmark that used it (DB_CLOSE_DELAY=-1): the portfolio's 100,000 proposals would stay in the
   * heap the next benchmark measures in, and its collector would work on them. Nobody can look at
   * them after the run anyway, unlike the PostgreSQL ones.
   */
  private static void closeEarlierInMemory() {
    for (String url : IN_MEMORY) {
      try (Connection connection = DriverManager.getConnection(url, "sa", "");
          Statement statement = connection.createStatement()) {
        statement.execute("shutdown");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot close the earlier benchmark database " + url, e);
      }
    }
    IN_MEMORY.clear();
  }

  static void forBenchmark(DynamicPropertyRegistry registry, String benchmark) {
    closeEarlierInMemory();
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
      String inMemory = "jdbc:h2:mem:bench-" + name + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS;
      IN_MEMORY.add(inMemory);
      return inMemory;
    }
    // the driver's options after '?' apply to the new database too
    int optionsStart = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
    int slash = url.lastIndexOf('/', optionsStart);
    String database = url.substring(slash + 1, optionsStart) + "_" + name;
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the benchmark database " + database + " next to " + url
          + " (the bench profile's pf.bench.db.url must name a database the user may connect to and create "
          + "databases from)", e);
    }
    return url.substring(0, slash + 1) + database + url.substring(optionsStart);
  }
}
