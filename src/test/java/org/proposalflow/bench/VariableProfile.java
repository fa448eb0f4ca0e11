package org.proposalflow.bench;

import java.io.IOException;
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
 * shows it by table on PostgreSQL). Read from the history of each engine's last finished lifecycle: its
 * root instance, the instances it called and the other roots with its business key (the reminder plan).
 * Written to target/bench/variables-&lt;proposals&gt;.md, on H2 and PostgreSQL alike.
 */
final class VariableProfile {

  private static final String PER_NAME = "select V.NAME_ as NAME, count(distinct V.ID_) as VARIABLES, count(D.ID_) as VALUES_ "
      + "from ACT_HI_VARINST V left join ACT_HI_DETAIL D on D.VAR_INST_ID_ = V.ID_ "
      + "where V.ROOT_PROC_INST_ID_ in (select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ? "
      + "and SUPER_PROCESS_INSTANCE_ID_ is null) group by V.NAME_";

  private VariableProfile() {
  }

  /** Variables and values of one lifecycle, by name; both counts per name. */
  record Counts(long variables, long values) {
  }

  static Map<String, Counts> ofLastLifecycle(DataSource database, String lifecycleKey) {
    JdbcTemplate jdbc = new JdbcTemplate(database);
    String businessKey = jdbc.queryForObject("select BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? "
        + "and END_TIME_ is not null order by END_TIME_ desc, ID_ desc fetch first 1 rows only", String.class, lifecycleKey);
    Map<String, Counts> byName = new TreeMap<>();
    jdbc.query(PER_NAME, row -> {
      byName.put(row.getString("NAME"), new Counts(row.getLong("VARIABLES"), row.getLong("VALUES_")));
    }, businessKey);
    return byName;
  }

  static void write(long proposals, Map<String, Counts> ours, Map<String, Counts> bare) throws IOException {
    Counts none = new Counts(0, 0);
    TreeSet<String> names = new TreeSet<>(ours.keySet());
    names.addAll(bare.keySet());
    List<Difference> differences = names.stream()
        .map(name -> new Difference(name, ours.getOrDefault(name, none), bare.getOrDefault(name, none)))
        .filter(difference -> !difference.ours().equals(difference.bare()))
        // most rows added by ours first
        .sorted(Comparator.comparingLong(Difference::added).reversed()).toList();
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Variables of one lifecycle at %,d finished proposals: ours %d variables with %d values, the bare twin %d with %d%n%n"
            + "| variable | ours: variables | ours: values | bare twin: variables | bare twin: values |%n|---|---|---|---|---|%n",
        proposals, total(ours, Counts::variables), total(ours, Counts::values), total(bare, Counts::variables),
        total(bare, Counts::values)));
    for (Difference difference : differences) {
      report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", difference.name(),
          difference.ours().variables(), difference.ours().values(), difference.bare().variables(),
          difference.bare().values()));
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
