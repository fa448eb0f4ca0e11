package org.proposalflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Appends benchmark results to target/bench/results.md (a table row) and results.json (one object per line). */
final class BenchReport {

  private static final Path DIR = Path.of("target", "bench");

  private BenchReport() {
  }

  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.availableProcessors() + " cores, max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB, JDK "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
        + ManagementFactory.getOperatingSystemMXBean().getName();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  /** The value below which the given share of the values lie (nearest rank). */
  static double percentile(double[] values, double share) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(share * sorted.length) - 1];
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** A report of its own next to the results, e.g. statements-1000.md; replaces an earlier one. */
  static void writeFile(String name, CharSequence text) throws IOException {
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve(name), text);
  }

  static void write(String benchmark, String database, Map<String, Object> figures, String markdownRow)
      throws IOException {
    Files.createDirectories(DIR);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", benchmark);
    json.put("database", database);
    json.put("at", OffsetDateTime.now(ZoneOffset.UTC).toString());
    json.put("machine", machine());
    json.putAll(figures);
    String line = json.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof Number ? e.getValue() : "\"" + e.getValue() + "\""))
        .collect(Collectors.joining(", ", "{", "}\n"));
    Files.writeString(DIR.resolve("results.json"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.writeString(DIR.resolve("results.md"), "| " + benchmark + " | " + database + " | " + markdownRow + " | "
        + machine() + " |\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
