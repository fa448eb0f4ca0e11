package org.proposalflow.drafting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.validation.Inputs;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The internal review, four eyes: a reviewer who owns none of the sections under review approves
 * each section or sends it back with comments. Used in BPMN as {@code ${sectionReview.offer(execution)}},
 * {@code ${sectionReview.review(task)}} and as the task's assignment listener.
 */
@Component("sectionReview")
public class SectionReview implements TaskListener {

  static final String REVIEWS = "sectionReviews";

  private final DraftingRecords records;
  private final DraftingStatus status;

  public SectionReview(DraftingRecords records, DraftingStatus status) {
    this.records = records;
    this.status = status;
  }

  public boolean allApproved(DelegateExecution execution) {
    return records.sections(execution.getProcessBusinessKey()).stream().allMatch(DraftSection::approved);
  }

  /** Offers one row per section under review, with its link, pages and owner, the decision still open. */
  public void offer(DelegateExecution execution) {
    List<DraftSection> sections = underReview(execution.getProcessBusinessKey());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DraftSection section : sections) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("section", section.code());
      row.put("title", section.title());
      row.put("owner", section.owner());
      row.put("documentUrl", section.documentUrl());
      row.put("pages", section.pages());
      row.put("decision", null);
      row.put("comment", "");
      rows.add(row);
    }
    execution.setVariable(REVIEWS, FormRows.json(rows));
    execution.setVariable("sectionOwners", String.join(", ", sections.stream().map(DraftSection::owner).distinct().toList()));
  }

  /** Assignment: nobody may claim the review of a section they own. */
  @Override
  public void notify(DelegateTask task) {
    String reviewer = TaskActor.of(task);
    if (reviewer != null) {
      refuseOwnSections(task.getExecution().getProcessBusinessKey(), reviewer);
    }
  }

  /** Completion: a decision for every section under review; revisions need a comment. Checked whole, then saved. */
  public void review(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    String reviewer = TaskActor.of(task);
    if (reviewer == null) {
      throw new InvalidInputException("assignee", "claim the review task before completing it, so the reviewer is known");
    }
    refuseOwnSections(reference, reviewer);
    Map<String, DraftSection> waiting = new LinkedHashMap<>();
    underReview(reference).forEach(section -> waiting.put(section.code(), section));
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (Map<String, Object> row : FormRows.of(task.getVariable(REVIEWS), REVIEWS)) {
      String code = String.valueOf(row.get("section"));
      if (!waiting.containsKey(code)) {
        throw new InvalidInputException(REVIEWS, "section '" + code + "' is not under review");
      }
      rows.put(code, row);
    }
    Map<String, String> comments = new LinkedHashMap<>();
    Map<String, Boolean> approvals = new LinkedHashMap<>();
    for (DraftSection section : waiting.values()) {
      Map<String, Object> row = rows.get(section.code());
      if (row == null) {
        throw new InvalidInputException(REVIEWS, "the section '" + section.title() + "' has no review decision");
      }
      Inputs in = Inputs.of(row);
      boolean approved = "approve".equals(FormRows.inRow(REVIEWS, section.title(),
          () -> in.choice("decision", "approve", "revise")));
      String comment = FormRows.inRow(REVIEWS, section.title(), () -> in.optionalText("comment", 4000));
      if (!approved && comment == null) {
        throw new InvalidInputException(REVIEWS + "[" + section.title() + "].comment",
            "say what to revise when sending a section back");
      }
      approvals.put(section.code(), approved);
      comments.put(section.code(), comment);
    }
    approvals.forEach((code, approved) -> records.review(reference, code, approved, comments.get(code), reviewer));
    status.refresh(task.getExecution());
  }

  private void refuseOwnSections(String reference, String reviewer) {
    List<String> own = underReview(reference).stream().filter(s -> reviewer.equals(s.owner()))
        .map(DraftSection::title).toList();
    if (!own.isEmpty()) {
      throw new InvalidInputException("assignee", reviewer + " wrote " + String.join(", ", own)
          + " and cannot review it; another writer or a manager of the cluster must do the internal review");
    }
  }

  private List<DraftSection> underReview(String reference) {
    return records.sections(reference).stream().filter(s -> DraftSection.READY.equals(s.status())).toList();
  }
}
