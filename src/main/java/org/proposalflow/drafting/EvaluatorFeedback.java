package org.proposalflow.drafting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluators' feedback of a rejected proposal, split over its sections for the resubmission.
 * Evaluators write per criterion: a line starting with a section's title or code ("Impact: ...",
 * "2. Impact: ...") goes to that section, every other line to all sections.
 */
final class EvaluatorFeedback {

  private EvaluatorFeedback() {
  }

  /** Each section's feedback by section code, lines in their order; null for a section with none. */
  static Map<String, String> perSection(List<ProgrammeRules.Section> sections, String feedback) {
    Map<String, List<String>> about = new HashMap<>();
    List<String> general = new ArrayList<>();
    for (String line : feedback.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      ProgrammeRules.Section section = sections.stream().filter(s -> speaksAbout(line, s)).findFirst().orElse(null);
      (section == null ? general : about.computeIfAbsent(section.code(), code -> new ArrayList<>())).add(line.strip());
    }
    Map<String, String> perSection = new LinkedHashMap<>();
    for (ProgrammeRules.Section section : sections) {
      List<String> lines = new ArrayList<>(about.getOrDefault(section.code(), List.of()));
      lines.addAll(general);
      perSection.put(section.code(), lines.isEmpty() ? null : String.join("\n", lines));
    }
    return perSection;
  }

  private static boolean speaksAbout(String line, ProgrammeRules.Section section) {
    String start = withoutNumber(line.strip());
    return start.startsWith(withoutNumber(section.title()) + ":")
        || start.startsWith(section.code().toLowerCase(Locale.ROOT) + ":");
  }

  private static String withoutNumber(String text) {
    return text.toLowerCase(Locale.ROOT).replaceFirst("^[0-9.]+\\s*", "");
  }
}
