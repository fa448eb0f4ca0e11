package org.proposalflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Migration V15: the engine looks up a task's subtasks at every completion, by a column Camunda's
 * schema leaves without an index.
 */
class SubtaskLookupIndexTest extends ProcessTestSupport {

  @Autowired
  private DataSource dataSource;

  @Test
  void theTaskTableHasAnIndexLedByTheParentTask() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(leadingIndexColumns(connection, "ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    }
  }

  /** The first column of each index of the table, whichever case the database keeps its names in. */
  private static Set<String> leadingIndexColumns(Connection connection, String table) throws SQLException {
    Set<String> columns = new HashSet<>();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
        while (indexes.next()) {
          if (indexes.getShort("ORDINAL_POSITION") == 1 && indexes.getString("COLUMN_NAME") != null) {
            columns.add(indexes.getString("COLUMN_NAME").toUpperCase());
          }
        }
      }
    }
    return columns;
  }
}
