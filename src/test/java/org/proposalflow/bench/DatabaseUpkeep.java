package org.proposalflow.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What a database in use does by itself between measurements: PostgreSQL's autovacuum removes the
 * dead rows of the runtime tables (every finished step leaves some) and analyses the tables; H2 has
 * no dead rows to remove and is only analysed. The benchmarks run it before measuring, because the
 * PostgreSQL they run on may have autovacuum off (this project's CI machine has), and a planner that
 * last looked at an empty runtime table scans its dead rows for every lookup.
 */
final class DatabaseUpkeep {

  private DatabaseUpkeep() {
  }

  static void likeAutovacuum(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      // VACUUM cannot run inside a transaction
      connection.setAutoCommit(true);
      try {
        boolean postgresql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        statement.execute(postgresql ? "vacuum analyze" : "analyze");
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
