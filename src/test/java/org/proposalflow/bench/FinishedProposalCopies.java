package org.proposalflow.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Grows a database to many finished proposals in minutes instead of hours: the rows of the finished
 * proposals already there (produced through the real processes) are copied under new ids, in SQL
 * ({@code INSERT ... SELECT}), so the engine and the application find the copies exactly like real
 * finished proposals. H2 and PostgreSQL, our engine and the bare twin alike.
 *
 * <p>A finished proposal is a finished root instance of the lifecycle together with the other root
 * instances started under its business key (our reminder plan). Its rows, as a few lifecycles leave
 * them (checked by {@link #assertCovers}):
 * <ul>
 *   <li>every table with {@code ROOT_PROC_INST_ID_}: ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_TASKINST,
 *       ACT_HI_VARINST, ACT_HI_DETAIL, ACT_HI_IDENTITYLINK, ACT_HI_JOB_LOG, ACT_HI_DECINST,
 *       ACT_HI_DEC_IN, ACT_HI_DEC_OUT (and, empty here, ACT_HI_OP_LOG, ACT_HI_INCIDENT, ACT_HI_COMMENT,
 *       ACT_HI_ATTACHMENT, ACT_HI_EXT_TASK_LOG) and ACT_GE_BYTEARRAY (history's values; deployment
 *       resources have no root instance). Runtime tables must hold none of them: a copy of a proposal
 *       still running would be wrong;</li>
 *   <li>ACT_RU_AUTHORIZATION: the grants on one of its instances or tasks (by RESOURCE_ID_) or carrying
 *       its root instance;</li>
 *   <li>ACT_RU_TASK_METER_LOG: the rows written while it ran (they carry no id; the benchmark runs one
 *       lifecycle at a time);</li>
 *   <li>the application's tables: proposal by its process instance, and every table with a reference
 *       column by that reference (proposal_partner, drafting_section, drafting_budget_line,
 *       consortium_status, notification).</li>
 * </ul>
 *
 * <p>Copy round k appends {@code -xk} (x is no hex digit, so no UUID and no number contains it) to
 * every id of a copied row and to every column pointing at one (instances, executions, activity
 * instances, tasks, byte arrays, variables, decisions, jobs, business key and reference); an id with
 * no room left for it (an activity instance id is activity id, colon and UUID) loses its dashes
 * instead, which keeps it apart from every original (they have them) and every other copy; definitions
 * and people (PROC_DEF_ID_, ACT_ID_, TASK_DEF_KEY_, USER_ID_, GROUP_ID_, ...) stay. Identity columns
 * (proposal_partner.id, notification.id) get fresh values. An id-like column in neither list fails the
 * copy rather than guess.
 */
final class FinishedProposalCopies {

  private static final String SOURCE = "COPY_SOURCE";
  /**
   * The originals' task meter rows, found by time: copies keep their timestamps, so searching the table itself
   * read every earlier round's copies too, more each round (2026-12-03: 50 s a round at 69,000 proposals).
   */
  private static final String METER_ORIGINALS = "COPY_METER_ORIGINALS";
  private static final Set<String> COPIED_REFERENCES = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_",
      "PROCESS_INSTANCE_ID_", "SUPER_PROCESS_INSTANCE_ID_", "CALL_PROC_INST_ID_", "RESTARTED_PROC_INST_ID_",
      "EXECUTION_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "BYTEARRAY_ID_",
      "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "JOB_ID_", "JOB_EXCEPTION_STACK_ID_", "OPERATION_ID_",
      "CAUSE_INCIDENT_ID_", "ROOT_CAUSE_INCIDENT_ID_", "EXT_TASK_ID_", "EXTERNAL_TASK_ID_", "ERROR_DETAILS_ID_",
      "CONTENT_ID_", "CASE_INST_ID_", "CASE_EXECUTION_ID_", "SUPER_CASE_INSTANCE_ID_", "CALL_CASE_INST_ID_",
      "BUSINESS_KEY_", "RESOURCE_ID_",
      "REFERENCE", "PROCESS_INSTANCE_ID", "TASK_ID", "INCIDENT_ID");
  private static final Set<String> KEPT_REFERENCES = Set.of("PROC_DEF_ID_", "PROC_DEF_KEY_", "PROCESS_DEF_ID_",
      "PROCESS_DEF_KEY_", "DEC_DEF_ID_", "DEC_DEF_KEY_", "DEC_REQ_ID_", "DEC_REQ_KEY_", "CASE_DEF_ID_", "CASE_DEF_KEY_",
      "DEPLOYMENT_ID_", "JOB_DEF_ID_", "BATCH_ID_", "ACT_ID_", "START_ACT_ID_", "END_ACT_ID_", "FAILED_ACT_ID_",
      "ACTIVITY_ID_", "FAILED_ACTIVITY_ID_", "TASK_DEF_KEY_", "CLAUSE_ID_", "RULE_ID_", "USER_ID_", "GROUP_ID_",
      "START_USER_ID_", "ASSIGNER_ID_", "WORKER_ID_", "TENANT_ID_",
      "RECIPIENT_USER_ID", "OWNER_ID", "SUBMISSION_ID");
  /**
   * Grow with time, not with proposals: the engine flushes its metrics on a timer, the reference counter
   * gets a row per year (copies keep their originals' numbers with the suffix, so it needs no update).
   */
  private static final Set<String> NOT_PER_PROPOSAL = Set.of("ACT_RU_METER_LOG", "PROPOSAL_REFERENCE_COUNTER");

  /** The columns a copy finds a proposal's rows by: the indexes they lead stay while copying. */
  private static final Set<String> SELECTED_BY = Set.of("ROOT_PROC_INST_ID_", "REFERENCE", "PROCESS_INSTANCE_ID");

  /** Camunda's ids are VARCHAR(64); an activity instance id (activity id, colon, UUID) may use up to all of them. */
  private static final int MAX_ID = 64;

  private final String lifecycleKey;

  /** For the proposals of the given lifecycle process (ours or the bare twin's). */
  FinishedProposalCopies(String lifecycleKey) {
    this.lifecycleKey = lifecycleKey;
  }

  /** The id of round {@code round}'s copy of the row with that id (as {@link Table#copiedColumns} computes it in SQL). */
  static String copyOf(String id, int round) {
    String suffix = suffix(round);
    return id.length() > MAX_ID - suffix.length() ? id.replace("-", "") + suffix : id + suffix;
  }

  private static String suffix(int round) {
    return "-x" + round;
  }

  /** What growing took: rows copied, and on PostgreSQL the indexes set aside and the seconds their builds took. */
  record Grown(long rows, int indexesRebuilt, double rebuildSeconds) {
  }

  /** Copies finished proposals until the database holds {@code target} of them. */
  Grown growTo(Connection connection, long target) throws SQLException {
    Map<String, Table> tables = tables(connection);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    long rows = 0;
    boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    try (Statement statement = connection.createStatement()) {
      IndexesSetAside indexes = !postgres ? IndexesSetAside.none() : IndexesSetAside.drop(connection,
          tables.values().stream().filter(Table::isSetAsideWhileCopying).map(Table::storedName).toList(), SELECTED_BY);
      statement.execute("create local temporary table if not exists " + SOURCE + " (ID_ varchar(64) primary key)");
      statement.execute("create local temporary table if not exists " + METER_ORIGINALS
          + " (TIMESTAMP_ timestamp, ID_ varchar(64), primary key (TIMESTAMP_, ID_))");
      statement.executeUpdate("delete from " + METER_ORIGINALS);
      statement.executeUpdate("insert into " + METER_ORIGINALS + " (TIMESTAMP_, ID_) select TIMESTAMP_, ID_"
          + " from ACT_RU_TASK_METER_LOG where ID_ not like '%-x%'");
      if (postgres) {
        statement.execute("analyze " + METER_ORIGINALS);
      }
      List<String> originals = originals(connection);
      int round = roundsDone(connection, originals.get(0)) + 1;
      for (long finished = finished(connection); finished < target; round++) {
        List<String> chosen = originals.subList(0, (int) Math.min(originals.size(), target - finished));
        rows += copy(connection, tables, chosen, suffix(round), postgres);
        connection.commit();
        finished += chosen.size();
      }
      statement.execute("drop table " + SOURCE);
      statement.execute("drop table " + METER_ORIGINALS);
      connection.commit();
      long start = System.nanoTime();
      indexes.rebuild(connection);
      return new Grown(rows, indexes.count(), (System.nanoTime() - start) / 1e9);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      if (postgres) {
        // the pool hands this connection out again
        try (Statement statement = connection.createStatement()) {
          statement.execute("reset enable_seqscan");
        }
      }
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Finished root instances of the lifecycle, copies included. */
  long finished(Connection connection) throws SQLException {
    return count(connection, "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is not null"
        + " and ID_ = ROOT_PROC_INST_ID_", lifecycleKey);
  }

  /** The finished lifecycles run through the processes, oldest first: the ones copied. */
  List<String> originals(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = ?"
        + " and END_TIME_ is not null and ID_ = ROOT_PROC_INST_ID_ and ID_ not like '%-x%' order by START_TIME_, ID_")) {
      query.setString(1, lifecycleKey);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          ids.add(result.getString(1));
        }
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("no finished " + lifecycleKey + " to copy");
    }
    return ids;
  }

  /** Fails if a table grew from {@code before} to {@code after} (a few real lifecycles) and a copy would miss it. */
  static void assertCovers(Connection connection, Map<String, Long> before, Map<String, Long> after)
      throws SQLException {
    Map<String, Table> tables = tables(connection);
    List<String> missed = after.keySet().stream()
        .filter(name -> after.get(name) > before.getOrDefault(name, 0L))
        .filter(name -> !NOT_PER_PROPOSAL.contains(name) && !tables.get(name).isCopied())
        .toList();
    if (!missed.isEmpty()) {
      throw new IllegalStateException("tables growing per proposal that a copy would miss: " + missed);
    }
  }

  /** Rows per table, by upper-case table name. */
  static Map<String, Long> rowCounts(Connection connection) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (Table table : tables(connection).values()) {
      counts.put(table.name(), count(connection, "select count(*) from " + table.sqlName()));
    }
    return counts;
  }

  private long copy(Connection connection, Map<String, Table> tables, List<String> lifecycles, String suffix,
      boolean postgres) throws SQLException {
    try (Statement statement = connection.createStatement();
        PreparedStatement source = connection.prepareStatement("insert into " + SOURCE + " (ID_) values (?)")) {
      statement.executeUpdate("delete from " + SOURCE);
      for (String id : lifecycles) {
        source.setString(1, id);
        source.addBatch();
      }
      source.executeBatch();
      statement.executeUpdate("insert into " + SOURCE + " (ID_) select p.ID_ from ACT_HI_PROCINST p"
          + " where p.ID_ = p.ROOT_PROC_INST_ID_ and p.PROC_DEF_KEY_ <> '" + lifecycleKey + "' and p.BUSINESS_KEY_ in"
          + " (select l.BUSINESS_KEY_ from ACT_HI_PROCINST l join " + SOURCE + " s on s.ID_ = l.ID_)");
      long rows = 0;
      for (Table table : tables.values()) {
        String rowsOfSource = table.rowsOfSource();
        if (rowsOfSource == null) {
          continue;
        }
        if (table.isRuntime()) {
          long running = count(connection, "select count(*) from " + table.sqlName() + " where " + rowsOfSource);
          if (running > 0) {
            throw new IllegalStateException(running + " rows in " + table.name() + " of proposals to copy: not finished");
          }
          continue;
        }
        if (postgres) {
          // The statistics are the last analyse's, when the originals were a tenth of the proposals or more: the
          // planner read each large table whole every round (2026-12-03: 375 MB/s from disk at 66,000), where a
          // proposal's rows lie side by side in its root instance's index. The others (grants, task meter rows
          // found by time) it plans as before.
          statement.execute("set enable_seqscan = " + (table.isSetAsideWhileCopying() ? "off" : "on"));
        }
        rows += statement.executeUpdate("insert into " + table.sqlName() + " (" + table.columnList() + ") select "
            + table.copiedColumns(suffix) + " from " + table.sqlName() + " where " + rowsOfSource);
      }
      return rows;
    }
  }

  private int roundsDone(Connection connection, String original) throws SQLException {
    return (int) count(connection, "select count(*) from ACT_HI_PROCINST where ID_ like ?", original + "-x%");
  }

  private static long count(Connection connection, String sql, String... parameters) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /**
   * The schema's tables, by upper-case name (H2 keeps names in upper case, PostgreSQL in lower case);
   * proposal first, the others' foreign keys point at it.
   */
  private static Map<String, Table> tables(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    Map<String, String> quotedNames = new HashMap<>();
    try (ResultSet result = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (result.next()) {
        String name = result.getString("TABLE_NAME");
        quotedNames.put(name.toUpperCase(Locale.ROOT), '"' + name + '"');
      }
    }
    Map<String, List<Column>> columns = new TreeMap<>();
    try (ResultSet result = meta.getColumns(null, connection.getSchema(), "%", "%")) {
      while (result.next()) {
        String table = result.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
        if (quotedNames.containsKey(table)) {
          columns.computeIfAbsent(table, name -> new ArrayList<>()).add(new Column(
              result.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), "YES".equals(result.getString("IS_AUTOINCREMENT"))));
        }
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("PROPOSAL", null);
    columns.forEach((name, list) -> tables.put(name, new Table(name, quotedNames.get(name), list)));
    tables.values().removeIf(Objects::isNull);
    return tables;
  }

  private record Column(String name, boolean generated) {
  }

  /** name: upper case, for the rules; sqlName: as stored, quoted (Flyway's table has a lower-case name on H2). */
  private record Table(String name, String sqlName, List<Column> columns) {

    private static final String ROOTS = "select ID_ from " + SOURCE;

    boolean isRuntime() {
      return name.startsWith("ACT_RU_") && !name.equals("ACT_RU_AUTHORIZATION") && !name.equals("ACT_RU_TASK_METER_LOG");
    }

    boolean isCopied() {
      return rowsOfSource() != null && !isRuntime();
    }

    /**
     * The tables with many rows per proposal: not the authorization table, which a copy selects from by
     * several columns, nor the process instances, which it finds the reminder plans among by business key.
     */
    boolean isSetAsideWhileCopying() {
      return isCopied() && !name.startsWith("ACT_RU_") && !name.equals("ACT_HI_PROCINST");
    }

    /** The name as the database stores it. */
    String storedName() {
      return sqlName.substring(1, sqlName.length() - 1);
    }

    /** The condition selecting this table's rows of the proposals in the source table; null: none. */
    String rowsOfSource() {
      return switch (name) {
        case "ACT_RU_AUTHORIZATION" -> "ROOT_PROC_INST_ID_ in (" + ROOTS + ")"
            + " or RESOURCE_ID_ in (select ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ in (" + ROOTS + "))"
            + " or RESOURCE_ID_ in (select ID_ from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ in (" + ROOTS + "))";
        case "ACT_RU_TASK_METER_LOG" -> "ID_ in (select m.ID_ from " + METER_ORIGINALS + " m join ACT_HI_PROCINST p"
            + " on m.TIMESTAMP_ between p.START_TIME_ and p.END_TIME_ join " + SOURCE + " s on s.ID_ = p.ID_)";
        case "ACT_GE_BYTEARRAY" -> "DEPLOYMENT_ID_ is null and ROOT_PROC_INST_ID_ in (" + ROOTS + ")";
        case "PROPOSAL" -> "PROCESS_INSTANCE_ID in (" + ROOTS + ")";
        default -> {
          if (name.startsWith("ACT_") && has("ROOT_PROC_INST_ID_")) {
            yield "ROOT_PROC_INST_ID_ in (" + ROOTS + ")";
          }
          if (!name.startsWith("ACT_") && has("REFERENCE")) {
            yield "REFERENCE in (select REFERENCE from PROPOSAL where PROCESS_INSTANCE_ID in (" + ROOTS + "))";
          }
          yield null;
        }
      };
    }

    String columnList() {
      return inserted().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The select list of a copy: ids and what points at copied rows get the suffix, the rest stays. */
    String copiedColumns(String suffix) {
      return inserted().stream().map(column -> {
        if (COPIED_REFERENCES.contains(column.name())) {
          return "case when length(" + column.name() + ") > " + (MAX_ID - suffix.length()) + " then replace("
              + column.name() + ", '-', '') || '" + suffix + "' else " + column.name() + " || '" + suffix + "' end";
        }
        if (looksLikeReference(column.name()) && !KEPT_REFERENCES.contains(column.name())) {
          throw new IllegalStateException("copying " + name + ": is " + column.name()
              + " an id of the copied rows or a definition? Add it to one of the lists");
        }
        return column.name();
      }).collect(Collectors.joining(", "));
    }

    private List<Column> inserted() {
      return columns.stream().filter(column -> !column.generated()).toList();
    }

    private boolean has(String column) {
      return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    private static boolean looksLikeReference(String column) {
      return column.endsWith("ID_") || column.endsWith("KEY_") || column.endsWith("_ID") || column.equals("ID");
    }
  }
}
