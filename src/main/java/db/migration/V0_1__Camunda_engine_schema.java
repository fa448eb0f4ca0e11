package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the Camunda 7.24 engine's tables with Camunda's own scripts from the engine jar, once,
 * under Flyway's control: the schema's history is in one place, and a Camunda upgrade is a further
 * migration holding Camunda's upgrade script. A database where the engine already created its
 * tables (the embedded default, which lets the engine do it) is left as it is.
 */
public class V0_1__Camunda_engine_schema extends BaseJavaMigration {

  private static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (engineTablesExist(connection)) {
      return;
    }
    String database = databaseType(connection);
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(connection,
          new ClassPathResource("org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql"));
    }
  }

  private static boolean engineTablesExist(Connection connection) throws SQLException {
    for (String name : new String[] {"ACT_GE_PROPERTY", "act_ge_property"}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String databaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("Proposal Flow runs on PostgreSQL or H2, not on " + product);
  }
}
