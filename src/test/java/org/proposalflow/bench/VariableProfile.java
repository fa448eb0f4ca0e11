package org.proposalflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
    TreeSet<String> either = new TreeSet<>(ours.keySet());
    either.addAll(bare.keySet());
    List<String> names = new ArrayList<>(either);
    // most rows added by ours first
    names.sort((a, b) -> Long.compare(added(ours.getOrDefault(b, none), bare.getOrDefault(b, none)),
        added(ours.getOrDefault(a, none), bare.getOrDefault(a, none))));
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Variables of one lifecycle at %,d finished proposals: ours %d variables with %d values, the bare twin %d with %d%n%n"
            + "| variable | ours: variables | ours: values | bare twin: variables | bare twin: values |%n|---|---|---|---|---|%n",
        proposals, total(ours, true), total(ours, false), total(bare, true), total(bare, false)));
    for (String name : names) {
      Counts mine = ours.getOrDefault(name, none);
      Counts theirs = bare.getOrDefault(name, none);
      if (!mine.equals(theirs)) {
        report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", name, mine.variables(), mine.values(),
            theirs.variables(), theirs.values()));
      }
    }
    report.append(String.format(Locale.ROOT, "%n%d more variables with the same counts in both.%n",
        names.stream().filter(name -> ours.getOrDefault(name, none).equals(bare.getOrDefault(name, none))).count()));
    Path file = Path.of("target", "bench", "variables-" + proposals + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  private static long added(Counts ours, Counts bare) {
    return ours.variables() + ours.values() - bare.variables() - bare.values();
  }

  private static long total(Map<String, Counts> counts, boolean variables) {
    return counts.values().stream().mapToLong(count -> variables ? count.variables() : count.values()).sum();
  }
}
