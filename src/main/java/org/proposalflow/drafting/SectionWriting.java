package org.proposalflow.drafting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalflow.notification.Notifier;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Write section", one per section in parallel: which sections are (re)written, what each instance
 * shows its owner, what the owner's update records, and the reminder and escalation timers. Used in
 * BPMN as {@code ${sectionWriting...}}.
 */
@Component("sectionWriting")
public class SectionWriting {

  private final DraftingRecords records;
  private final DraftingStatus status;
  private final Notifier notifier;
  private final Duration reminderBefore;

  public SectionWriting(DraftingRecords records, DraftingStatus status, Notifier notifier,
      @Value("${proposal-flow.drafting.reminder-days-before:3}") int reminderDaysBefore) {
    this.records = records;
    this.status = status;
    this.notifier = notifier;
    this.reminderBefore = Duration.ofDays(reminderDaysBefore);
  }

  /** The multi-instance collection: sections planned, sent back by the review or reopened by the lead. */
  public List<String> toWrite(DelegateExecution execution) {
    List<String> codes = new ArrayList<>();
    for (DraftSection section : records.sections(execution.getProcessBusinessKey())) {
      if (!section.ready()) {
        codes.add(section.code());
      }
    }
    return codes;
  }

  public boolean anyToWrite(DelegateExecution execution) {
    return !toWrite(execution).isEmpty();
  }

  /** The task carries the section's title, so Tasklist lists "Write section: Impact"; the model keeps a plain name. */
  public void name(DelegateTask task) {
    task.setName("Write section: " + task.getVariable("sectionTitle"));
  }

  /** One section's instance starts: its owner, due date, previous content and feedback, kept local to it. */
  public void enter(DelegateExecution execution) {
    DraftSection section = records.section(execution.getProcessBusinessKey(), (String) execution.getVariable("sectionCode"));
    execution.setVariableLocal("sectionTitle", section.title());
    execution.setVariableLocal("sectionOwner", section.owner());
    execution.setVariableLocal("sectionDue", Date.from(section.due()));
    execution.setVariableLocal("sectionDueText", Inputs.PEOPLE_TIME.format(section.due()));
    Instant remindAt = section.due().minus(reminderBefore);
    execution.setVariableLocal("sectionReminderAt", Date.from(remindAt.isAfter(Inputs.now()) ? remindAt : Inputs.now()));
    execution.setVariableLocal("sectionDocumentUrl", section.documentUrl());
    execution.setVariableLocal("sectionPages", section.pages());
    execution.setVariableLocal("sectionStatus", null);
    execution.setVariableLocal("sectionNotes", section.notes());
    // shown only, never submitted: a section without a comment or feedback needs no variable for it (the form hides it)
    if (section.reviewComment() != null) {
      execution.setVariableLocal("sectionReviewComment", section.reviewComment());
    }
    if (section.evaluatorFeedback() != null) {
      execution.setVariableLocal("sectionEvaluatorFeedback", section.evaluatorFeedback());
    }
  }

  /** The owner saved the section; the next step aggregates the progress of the whole proposal. */
  public void record(DelegateTask task) {
    Inputs in = Inputs.of(task);
    String documentUrl = in.httpsUrl("sectionDocumentUrl");
    int pages = in.count("sectionPages", 500);
    String sectionStatus = in.choice("sectionStatus", DraftSection.DRAFTING, DraftSection.READY);
    String notes = in.optionalText("sectionNotes", 4000);
    records.write(task.getExecution().getProcessBusinessKey(), (String) task.getVariable("sectionCode"), documentUrl,
        pages, sectionStatus, notes);
  }

  /** Before the due date: a reminder to the section's owner. */
  public void remindOwner(DelegateExecution execution) {
    DraftSection section = records.section(execution.getProcessBusinessKey(), (String) execution.getVariable("sectionCode"));
    notifier.sectionDueSoon(execution.getProcessBusinessKey(), section);
  }

  /** Past the due date and not ready: the proposal lead hears of it, and the progress counts it overdue. */
  public void escalateOverdue(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    DraftSection section = records.section(reference, (String) execution.getVariable("sectionCode"));
    notifier.sectionOverdue(reference, section, (String) execution.getVariable("proposalLead"));
    status.refresh(execution);
  }
}
