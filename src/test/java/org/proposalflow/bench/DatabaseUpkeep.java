package org.proposalflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;

/**
 * What a database in use does by itself between measurements: PostgreSQL's autovacuum removes the
 * dead rows of the runtime tables (every finished step leaves some) and analyses the tables; H2 has
 * no dead rows to remove and is only analysed. The benchmarks run it before measuring, because the
 * PostgreSQL they run on may have autovacuum off (this project's CI machine has), and a planner that
 * last looked at an empty runtime table scans its dead rows for every lookup. Then the pool's
 * connections are replaced, as the pool does every 30 minutes (Hikari's max-lifetime): H2 plans a
 * statement once per connection and keeps the plan in its statement cache, and a benchmark grows
 * the database in minutes what takes an installation years, with plans made on its empty tables
 * (lifecycles twice as slow at 1,000 proposals). On PostgreSQL a checkpoint follows, so the
 * gigabytes a bulk copy and the vacuum leave unwritten are on disk before the measurement instead of
 * being written during it (on 2026-12-03, measured right after copying to 10,000 proposals without
 * it, with the disk busy writing, both engines' lifecycles took 1.5 to 1.7 times as long as at 1,000).
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
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
          statement.execute("vacuum analyze");
          // needs a superuser or pg_checkpoint, as the benchmarks' user postgres is
          statement.execute("checkpoint");
        } else {
          statement.execute("analyze");
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
    if (dataSource instanceof HikariDataSource pool) {
      pool.getHikariPoolMXBean().softEvictConnections();
    } else if (dataSource instanceof PooledDataSource pool) {
      // the bare twin's engine pools its own connections
      pool.forceCloseAll();
    }
  }
}
