package org.proposalflow.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process variables one lifecycle leaves, ours against the bare twin's, by name: how many variables
 * (one per scope that holds it) and how many values they took. Each value is a runtime row and history
 * rows, so this is where most of the database work that ours adds comes from (statements-&lt;level&gt;.md
 * shows it by table on PostgreSQL). A value is unchanged when it repeats the variable's value before it:
 * the write could have been skipped. Read from the history of each engine's last finished lifecycle: its
 * root instance, the instances it called and the other roots with its business key (the reminder plan).
 * Written to target/bench/variables-&lt;proposals&gt;.md, on H2 and PostgreSQL alike.
 */
final class VariableProfile {

  /** The variables of one lifecycle: its root instance, the instances it called and its reminder plan. */
  private static final String OF_THE_LIFECYCLE = "where V.ROOT_PROC_INST_ID_ in (select ID_ from ACT_HI_PROCINST "
      + "where BUSINESS_KEY_ = ? and SUPER_PROCESS_INSTANCE_ID_ is null) ";

  private static final String PER_NAME = "select V.NAME_ as NAME, count(distinct V.ID_) as VARIABLES, count(D.ID_) as VALUES_ "
      + "from ACT_HI_VARINST V left join ACT_HI_DETAIL D on D.VAR_INST_ID_ = V.ID_ " + OF_THE_LIFECYCLE + "group by V.NAME_";

  private static final String VALUES_IN_ORDER = "select V.NAME_ as NAME, D.VAR_INST_ID_ as VARIABLE, D.VAR_TYPE_ as TYPE, "
      + "D.TEXT_ as TEXT, D.TEXT2_ as TEXT2, D.LONG_ as LONG_VALUE, D.DOUBLE_ as DOUBLE_VALUE, B.BYTES_ as BYTES "
      + "from ACT_HI_DETAIL D join ACT_HI_VARINST V on V.ID_ = D.VAR_INST_ID_ left join ACT_GE_BYTEARRAY B on B.ID_ = D.BYTEARRAY_ID_ "
      + OF_THE_LIFECYCLE + "order by D.VAR_INST_ID_, D.TIME_, D.SEQUENCE_COUNTER_";

  private VariableProfile() {
  }

  /** Variables and values of one lifecycle, by name; both counts per name. */
  record Counts(long variables, long values, long unchanged) {
  }

  static Map<String, Counts> ofLastLifecycle(DataSource database, String lifecycleKey) {
    JdbcTemplate jdbc = new JdbcTemplate(database);
    String businessKey = jdbc.queryForObject("select BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? "
        + "and END_TIME_ is not null order by END_TIME_ desc, ID_ desc fetch first 1 rows only", String.class, lifecycleKey);
    Map<String, Long> unchangedByName = new TreeMap<>();
    String[] previous = {null, null};
    jdbc.query(VALUES_IN_ORDER, row -> {
      String variable = row.getString("VARIABLE");
      String value = row.getString("TYPE") + "|" + row.getString("TEXT") + "|" + row.getString("TEXT2") + "|"
          + row.getObject("LONG_VALUE") + "|" + row.getObject("DOUBLE_VALUE") + "|"
          + Arrays.toString(row.getBytes("BYTES"));
      if (variable.equals(previous[0]) && value.equals(previous[1])) {
        unchangedByName.merge(row.getString("NAME"), 1L, Long::sum);
      }
      previous[0] = variable;
      previous[1] = value;
    }, businessKey);
    Map<String, Counts> byName = new TreeMap<>();
    jdbc.query(PER_NAME, row -> {
      String name = row.getString("NAME");
      byName.put(name, new Counts(row.getLong("VARIABLES"), row.getLong("VALUES_"), unchangedByName.getOrDefault(name, 0L)));
    }, businessKey);
    return byName;
  }

  static void write(long proposals, Map<String, Counts> ours, Map<String, Counts> bare) throws IOException {
    Counts none = new Counts(0, 0, 0);
    TreeSet<String> names = new TreeSet<>(ours.keySet());
    names.addAll(bare.keySet());
    List<Difference> differences = names.stream()
        .map(name -> new Difference(name, ours.getOrDefault(name, none), bare.getOrDefault(name, none)))
        .filter(difference -> !difference.ours().equals(difference.bare()))
        // most rows added by ours first
        .sorted(Comparator.comparingLong(Difference::added).reversed()).toList();
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Variables of one lifecycle at %,d finished proposals: ours %d variables with %d values (%d of them unchanged), "
            + "the bare twin %d with %d (%d)%n%n"
            + "| variable | ours: variables | ours: values | ours: unchanged | bare twin: variables | bare twin: values | bare twin: unchanged |%n"
            + "|---|---|---|---|---|---|---|%n",
        proposals, total(ours, Counts::variables), total(ours, Counts::values), total(ours, Counts::unchanged),
        total(bare, Counts::variables), total(bare, Counts::values), total(bare, Counts::unchanged)));
    for (Difference difference : differences) {
      report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", difference.name(),
          difference.ours().variables(), difference.ours().values(), difference.ours().unchanged(),
          difference.bare().variables(), difference.bare().values(), difference.bare().unchanged()));
    }
    report.append(String.format(Locale.ROOT, "%n%d more variables with the same counts in both.%n",
        names.size() - differences.size()));
    BenchReport.writeFile("variables-" + proposals + ".md", report);
  }

  /** One variable's counts where ours and the bare twin's differ. */
  private record Difference(String name, Counts ours, Counts bare) {

    long added() {
      return ours.variables() + ours.values() - bare.variables() - bare.values();
    }
  }

  private static long total(Map<String, Counts> counts, ToLongFunction<Counts> count) {
    return counts.values().stream().mapToLong(count).sum();
  }
}
