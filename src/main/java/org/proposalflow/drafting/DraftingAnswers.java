package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drafting forms filled in as Tasklist submits them, for runs without a person at the keyboard:
 * the demo portfolio, process tests and benchmarks. Each takes the rows the task offered.
 */
public final class DraftingAnswers {

  private DraftingAnswers() {
  }

  /** "Plan the writing" with the offered dates, the sections given to the owners in turn. */
  public static Map<String, Object> plan(Object offeredPlan, String documentUrl, List<String> owners) {
    List<Map<String, Object>> rows = FormRows.of(offeredPlan, SectionPlanning.PLAN);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("owner", owners.get(i % owners.size()));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(SectionPlanning.PLAN, FormRows.json(rows));
    variables.put("documentUrl", documentUrl);
    return variables;
  }

  /** "Write section": the owner's update. */
  public static Map<String, Object> section(String documentUrl, int pages, boolean ready) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("sectionDocumentUrl", documentUrl);
    variables.put("sectionPages", pages);
    variables.put("sectionStatus", ready ? DraftSection.READY : DraftSection.DRAFTING);
    variables.put("sectionNotes", "");
    return variables;
  }

  /** "Prepare the budget": the same direct costs for every offered partner. */
  public static Map<String, Object> budget(Object offeredLines, BigDecimal personnel, BigDecimal subcontracting,
      BigDecimal otherDirect) {
    List<Map<String, Object>> rows = FormRows.of(offeredLines, BudgetPreparation.LINES);
    for (Map<String, Object> row : rows) {
      row.put("personnel", personnel);
      row.put("subcontracting", subcontracting);
      row.put("otherDirect", otherDirect);
    }
    return Map.of(BudgetPreparation.LINES, FormRows.json(rows));
  }

  /** "Review the sections": approve every offered section except those given with a comment, which go back. */
  public static Map<String, Object> review(Object offeredReviews, Map<String, String> revisionsBySection) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> offered : FormRows.of(offeredReviews, SectionReview.REVIEWS)) {
      Map<String, Object> row = new LinkedHashMap<>(offered);
      String revisions = revisionsBySection.get(String.valueOf(offered.get("section")));
      row.put("decision", revisions == null ? "approve" : "revise");
      row.put("comment", revisions == null ? "" : revisions);
      rows.add(row);
    }
    return Map.of(SectionReview.REVIEWS, FormRows.json(rows));
  }
}
