package org.proposalflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secondary indexes dropped for a bulk copy on PostgreSQL and built again after it. A copied proposal's
 * rows land at random places in every index on a UUID-like column, and once the indexes outgrow the
 * page cache each such row costs a random read per index; a build sorts once instead. Kept: primary keys and other constraints, and the indexes led by a column the copy selects
 * by ({@code kept}), whose entries of one proposal lie side by side.
 */
final class IndexesSetAside {

  private final List<String> definitions;

  private IndexesSetAside(List<String> definitions) {
    this.definitions = definitions;
  }

  /** Nothing set aside (the copies on other databases than PostgreSQL). */
  static IndexesSetAside none() {
    return new IndexesSetAside(List.of());
  }

  /** Drops those indexes of the given tables (names as stored) on PostgreSQL and commits. */
  static IndexesSetAside drop(Connection connection, Collection<String> tables, Set<String> kept) throws SQLException {
    List<String> definitions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("select i.relname, pg_get_indexdef(i.oid),"
        + " pg_get_indexdef(i.oid, 1, true) from pg_index x join pg_class i on i.oid = x.indexrelid"
        + " join pg_class t on t.oid = x.indrelid where t.relnamespace = current_schema()::regnamespace"
        + " and t.relname = any(?) and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)")) {
      query.setArray(1, connection.createArrayOf("varchar", tables.toArray()));
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          if (!kept.contains(result.getString(3).toUpperCase(Locale.ROOT))) {
            names.add(result.getString(1));
            definitions.add(result.getString(2));
          }
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("drop index \"" + name + "\"");
      }
    }
    connection.commit();
    return new IndexesSetAside(definitions);
  }

  /** Builds the dropped indexes again, as they were, and commits. */
  void rebuild(Connection connection) throws SQLException {
    if (definitions.isEmpty()) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      // the session's sort memory for the builds; the server's default (64 MB) sorts on disk
      statement.execute("set local maintenance_work_mem = '1GB'");
      for (String definition : definitions) {
        statement.execute(definition);
      }
    }
    connection.commit();
  }

  int count() {
    return definitions.size();
  }
}
