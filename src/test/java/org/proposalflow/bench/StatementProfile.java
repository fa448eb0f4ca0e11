package org.proposalflow.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the database time of a measurement goes, statement by statement, for each engine's database
 * (ours and those named after it, the bare twin's),
 * when PostgreSQL has pg_stat_statements loaded ({@code shared_preload_libraries}); otherwise nothing.
 * Written to target/bench/statements-&lt;proposals&gt;.md.
 */
final class StatementProfile {

  private static final int TOP = 40;
  /** The first group whose tables a statement names is its group; the last takes the rest. */
  private static final Map<String, Pattern> TABLE_GROUPS = new LinkedHashMap<>();

  static {
    TABLE_GROUPS.put("transactions (BEGIN, COMMIT, ROLLBACK)",
        Pattern.compile("^\\s*(BEGIN|COMMIT|ROLLBACK)\\b", Pattern.CASE_INSENSITIVE));
    TABLE_GROUPS.put("variables and their history (ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL, ACT_GE_BYTEARRAY)",
        table("ACT_RU_VARIABLE|ACT_HI_VARINST|ACT_HI_DETAIL|ACT_GE_BYTEARRAY"));
    TABLE_GROUPS.put("authorizations (ACT_RU_AUTHORIZATION)", table("ACT_RU_AUTHORIZATION"));
    TABLE_GROUPS.put("users, groups and task candidates (ACT_ID_*, ACT_*_IDENTITYLINK)",
        table("ACT_ID_\\w+|ACT_RU_IDENTITYLINK|ACT_HI_IDENTITYLINK"));
    TABLE_GROUPS.put("the engine's other tables (executions, tasks, jobs, activities, ...)", table("ACT_\\w+"));
    TABLE_GROUPS.put("the application's own tables", Pattern.compile(""));
  }

  private final JdbcTemplate jdbc;

  private StatementProfile(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Clears the statistics of every database; a profile that writes nothing where they are missing. */
  static StatementProfile start(DataSource database) {
    JdbcTemplate jdbc = new JdbcTemplate(database);
    boolean available;
    try {
      available = jdbc.queryForObject("show shared_preload_libraries", String.class).contains("pg_stat_statements");
      if (available) {
        // each benchmark's database is new (OwnDatabase)
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("select pg_stat_statements_reset()");
      }
    } catch (RuntimeException notPostgresqlOrNotLoaded) {
      available = false;
    }
    return new StatementProfile(available ? jdbc : null);
  }

  void write(long proposals, int lifecycles) throws IOException {
    if (jdbc == null) {
      return;
    }
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Statements at %,d finished proposals, per lifecycle (%d lifecycles per engine)%n", proposals, lifecycles));
    List<Map<String, Object>> databases = jdbc.queryForList("select d.datname, sum(s.total_exec_time) as ms, "
        + "sum(s.calls) as calls from pg_stat_statements s join pg_database d on d.oid = s.dbid "
        + "where d.datname like current_database() || '%' group by d.datname order by d.datname");
    appendByTables(report, databases, lifecycles);
    for (Map<String, Object> database : databases) {
      report.append(String.format(Locale.ROOT, "%n## %s: %.1f ms and %.0f statements per lifecycle%n%n"
              + "| ms per lifecycle | calls per lifecycle | mean ms | rows per call | statement |%n|---|---|---|---|---|%n",
          database.get("datname"), ((Number) database.get("ms")).doubleValue() / lifecycles,
          ((Number) database.get("calls")).doubleValue() / lifecycles));
      for (Map<String, Object> statement : jdbc.queryForList("select s.total_exec_time as ms, s.calls, s.rows, s.query "
          + "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ? "
          + "order by s.total_exec_time desc limit " + TOP, database.get("datname"))) {
        double calls = ((Number) statement.get("calls")).doubleValue();
        double ms = ((Number) statement.get("ms")).doubleValue();
        report.append(String.format(Locale.ROOT, "| %.2f | %.1f | %.3f | %.1f | `%s` |%n", ms / lifecycles,
            calls / lifecycles, ms / calls, ((Number) statement.get("rows")).doubleValue() / calls,
            abbreviated((String) statement.get("query"))));
      }
    }
    BenchReport.writeFile("statements-" + proposals + ".md", report);
  }

  /** Statements and their time per lifecycle by the tables they touch, one column pair per database. */
  private void appendByTables(StringBuilder report, List<Map<String, Object>> databases, int lifecycles) {
    report.append(String.format(Locale.ROOT, "%n## By the tables they touch, per lifecycle%n%n| tables |"));
    databases.forEach(database -> report.append(" ").append(database.get("datname")).append(": statements, ms |"));
    report.append(String.format(Locale.ROOT, "%n|---|")).append("---|".repeat(databases.size())).append(String.format("%n"));
    Map<String, double[]> byGroup = new LinkedHashMap<>();
    TABLE_GROUPS.keySet().forEach(group -> byGroup.put(group, new double[2 * databases.size()]));
    for (int i = 0; i < databases.size(); i++) {
      for (Map<String, Object> statement : jdbc.queryForList("select s.total_exec_time as ms, s.calls, s.query "
          + "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?",
          databases.get(i).get("datname"))) {
        double[] sums = byGroup.get(groupOf((String) statement.get("query")));
        sums[2 * i] += ((Number) statement.get("calls")).doubleValue() / lifecycles;
        sums[2 * i + 1] += ((Number) statement.get("ms")).doubleValue() / lifecycles;
      }
    }
    byGroup.forEach((group, sums) -> {
      report.append("| ").append(group).append(" |");
      for (int i = 0; i < sums.length; i += 2) {
        report.append(String.format(Locale.ROOT, " %.0f, %.1f |", sums[i], sums[i + 1]));
      }
      report.append(String.format("%n"));
    });
  }

  private static String groupOf(String query) {
    return TABLE_GROUPS.entrySet().stream().filter(group -> group.getValue().matcher(query).find()).findFirst()
        .orElseThrow().getKey();
  }

  private static Pattern table(String names) {
    return Pattern.compile("\\b(" + names + ")\\b", Pattern.CASE_INSENSITIVE);
  }

  private static String abbreviated(String query) {
    String line = query.replaceAll("\\s+", " ").replace("|", "\\|");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
