package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** Flyway on its own thread: the engine's wait returns with the database migrated, or throws Flyway's error. */
class MigrationsAlongsideEngineTest {

  @Test
  void theEngineGoesOnOnlyOnceTheDatabaseIsMigrated() throws Exception {
    String url = "jdbc:h2:mem:migrations-alongside;DB_CLOSE_DELAY=-1";
    Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
    MigrationsAlongsideEngine migrations = new MigrationsAlongsideEngine();
    migrations.migrate(flyway);
    migrations.postInit(null);
    assertThat(flyway.info().pending()).as("migrations left").isEmpty();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      assertThat(tableExists(connection, "ACT_RU_TASK")).as("the engine's tables (V0_1)").isTrue();
      assertThat(tableExists(connection, "PROPOSAL")).as("the application's tables").isTrue();
    }
  }

  @Test
  void aFailedMigrationStopsTheStartWithFlywaysError() {
    MigrationsAlongsideEngine migrations = new MigrationsAlongsideEngine();
    migrations.migrate(Flyway.configure().dataSource("jdbc:h2:mem:migrations-broken;DB_CLOSE_DELAY=-1", "sa", "")
        .locations("classpath:db/broken-migration").load());
    assertThatThrownBy(() -> migrations.postInit(null))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("the database migrations failed")
        .hasMessageContaining("V1__broken.sql")
        .hasCauseInstanceOf(FlywayException.class);
    assertThatThrownBy(migrations::afterSingletonsInstantiated).as("and again once all beans exist")
        .isInstanceOf(ProcessEngineException.class);
  }

  private static boolean tableExists(Connection connection, String table) throws Exception {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      return tables.next();
    }
  }
}
