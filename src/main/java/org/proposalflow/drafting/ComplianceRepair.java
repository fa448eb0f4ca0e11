package org.proposalflow.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalflow.validation.Inputs;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * "Repair the compliance findings": the proposal lead reopens the sections to rework and/or the
 * budget; both then go round again before the next check. Choosing nothing checks again as it is
 * (e.g. after the consortium was rebuilt). Used in BPMN as {@code ${complianceRepair...}}.
 */
@Component("complianceRepair")
public class ComplianceRepair {

  static final String SECTIONS = "sectionsToReopen";

  private final DraftingRecords records;
  private final DraftingStatus status;

  public ComplianceRepair(DraftingRecords records, DraftingStatus status) {
    this.records = records;
    this.status = status;
  }

  /** The sections the lead may reopen, for the form's checklist; the previous round's choices cleared. */
  public void offer(DelegateExecution execution) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (DraftSection section : records.sections(execution.getProcessBusinessKey())) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("label", section.title() + " (" + section.owner() + ", " + pages(section) + ")");
      option.put("value", section.code());
      options.add(option);
    }
    execution.setVariable("sectionOptions", FormRows.json(options));
    execution.setVariable(SECTIONS, FormRows.json(List.of()));
    execution.setVariable("reviseBudget", false);
  }

  public void repair(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    Inputs in = Inputs.of(task);
    Set<String> known = records.sections(reference).stream().map(DraftSection::code).collect(Collectors.toSet());
    List<String> reopen = in.codes(SECTIONS);
    for (String code : reopen) {
      if (!known.contains(code)) {
        throw new InvalidInputException(SECTIONS, "'" + code + "' is not a section of this proposal; sections: "
            + known.stream().sorted().toList());
      }
    }
    boolean reviseBudget = in.flag("reviseBudget");
    in.text("repairNote", 4000);
    reopen.forEach(code -> records.reopen(reference, code));
    task.setVariable("budgetNeeded", reviseBudget);
    status.refresh(task.getExecution());
  }

  private static String pages(DraftSection section) {
    return section.pages() == null ? "no pages yet" : section.pages() + " pages";
  }
}
