package org.proposalflow.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where in the lifecycle ours spends its extra time: the wall time of each step (a proposal's start,
 * each user task claimed and completed) in the measured runs, ours next to the bare twin's, per
 * lifecycle. Written to target/bench/steps-&lt;proposals&gt;.md, on H2 and PostgreSQL alike.
 */
final class StepProfile {

  private final Map<String, long[]> ours = new LinkedHashMap<>();
  private final Map<String, long[]> bare = new LinkedHashMap<>();

  /** Adds one step's time; its count is how often the step ran. */
  void add(boolean isBare, String step, long nanos) {
    long[] timeAndCount = (isBare ? bare : ours).computeIfAbsent(step, name -> new long[2]);
    timeAndCount[0] += nanos;
    timeAndCount[1]++;
  }

  void clear() {
    ours.clear();
    bare.clear();
  }

  void write(long proposals, int lifecycles) throws IOException {
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Steps of a lifecycle at %,d finished proposals, ms per lifecycle (%d lifecycles per engine)%n%n"
            + "| step | runs per lifecycle | ours ms | bare twin ms | ours - bare ms | ours / bare |%n"
            + "|---|---|---|---|---|---|%n", proposals, lifecycles));
    double oursTotal = 0;
    double bareTotal = 0;
    for (Map.Entry<String, long[]> step : ours.entrySet()) {
      double oursMs = step.getValue()[0] / 1e6 / lifecycles;
      double bareMs = bare.getOrDefault(step.getKey(), new long[2])[0] / 1e6 / lifecycles;
      oursTotal += oursMs;
      bareTotal += bareMs;
      report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", step.getKey(),
          (double) step.getValue()[1] / lifecycles, oursMs, bareMs, oursMs - bareMs, oursMs / bareMs));
    }
    report.append(String.format(Locale.ROOT, "| all steps | | %.1f | %.1f | %.1f | %.2f |%n", oursTotal, bareTotal,
        oursTotal - bareTotal, oursTotal / bareTotal));
    report.append(String.format(Locale.ROOT, "%nThe rest of a lifecycle's time is the benchmark finding the tasks "
        + "(task queries, the same in both) and reading the rows our drafting forms offer (ours only).%n"));
    BenchReport.writeFile("steps-" + proposals + ".md", report);
  }
}
