package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.proposalflow.notification.Recipients;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.Inputs;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * "Plan the writing": the programme's sections, each given to a writer of the cluster with the dates
 * of its first draft and final version. Used in BPMN as {@code ${sectionPlanning.offer(execution)}}
 * and {@code ${sectionPlanning.plan(task)}}.
 */
@Component("sectionPlanning")
public class SectionPlanning {

  /** Sections are due at the end of the working day, Lapland time. */
  static final LocalTime DUE_TIME = LocalTime.of(16, 0);
  static final String PLAN = "sectionPlan";

  private final ProgrammeRules rules;
  private final DraftingRecords records;
  private final ProposalRecords proposals;
  private final Recipients recipients;
  private final DraftingStatus status;

  public SectionPlanning(ProgrammeRules rules, DraftingRecords records, ProposalRecords proposals,
      Recipients recipients, DraftingStatus status) {
    this.rules = rules;
    this.records = records;
    this.proposals = proposals;
    this.recipients = recipients;
    this.status = status;
  }

  /**
   * Offers the plan: the programme's sections with their previous owners (a resubmission or a return
   * from final approval keeps them) and default dates counted back from the call deadline. The
   * evaluators' feedback of a rejection is attached to the sections it speaks about.
   */
  public void offer(DelegateExecution execution) {
    Proposal proposal = proposals.find(execution.getProcessBusinessKey()).orElseThrow();
    ProgrammeRules.Profile programme = rules.of(proposal.programme());
    Map<String, DraftSection> previous = records.sections(proposal.reference()).stream()
        .collect(Collectors.toMap(DraftSection::code, Function.identity()));
    if (!previous.isEmpty() && proposal.evaluationFeedback() != null) {
      EvaluatorFeedback.perSection(programme.sections(), proposal.evaluationFeedback())
          .forEach((code, feedback) -> records.attachFeedback(proposal.reference(), code, feedback));
    }
    LocalDate deadline = proposal.callDeadline().atZoneSameInstant(Inputs.PEOPLE_ZONE).toLocalDate();
    LocalDate firstDraft = defaultDate(deadline, rules.firstDraftDaysBefore());
    LocalDate finalVersion = defaultDate(deadline, rules.finalDaysBefore());
    List<Map<String, Object>> plan = new ArrayList<>();
    for (ProgrammeRules.Section section : programme.sections()) {
      DraftSection before = previous.get(section.code());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("section", section.code());
      row.put("title", section.title());
      row.put("owner", before == null ? "" : before.owner());
      row.put("firstDraftDue", firstDraft.toString());
      row.put("finalDue", finalVersion.toString());
      plan.add(row);
    }
    execution.setVariable(PLAN, FormRows.json(plan));
    execution.setVariable("pageLimit", programme.pageLimit());
    execution.setVariable("documentUrl", proposal.documentUrl());
    if (execution.getVariable("contributionCap") == null) {
      execution.setVariable("contributionCap", programme.contributionCap().longValueExact());
    }
    execution.setVariable("clusterWriters", writersOf(proposal).stream()
        .map(w -> w.getId() + " (" + w.getFirstName() + " " + w.getLastName() + ")").collect(Collectors.joining(", ")));
  }

  /** The lead's plan is checked whole before anything is saved; the lead is whoever completes it. */
  public void plan(DelegateTask task) {
    Proposal proposal = proposals.find(task.getExecution().getProcessBusinessKey()).orElseThrow();
    ProgrammeRules.Profile programme = rules.of(proposal.programme());
    Inputs in = Inputs.of(task);
    String documentUrl = in.httpsUrl("documentUrl");
    BigDecimal cap = in.positiveEuros("contributionCap");
    if (cap.compareTo(programme.contributionCap()) > 0) {
      throw new InvalidInputException("contributionCap", "the call's cap cannot be above the programme's "
          + ComplianceCheck.euros(programme.contributionCap()));
    }
    Set<String> writers = writersOf(proposal).stream().map(User::getId).collect(Collectors.toSet());
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (Map<String, Object> row : FormRows.of(task.getVariable(PLAN), PLAN)) {
      rows.put(String.valueOf(row.get("section")), row);
    }
    List<DraftSection> sections = new ArrayList<>();
    int position = 0;
    for (ProgrammeRules.Section section : programme.sections()) {
      Map<String, Object> row = rows.remove(section.code());
      if (row == null) {
        throw new InvalidInputException(PLAN, "the section '" + section.title() + "' is missing");
      }
      sections.add(planned(section, position++, row, writers, proposal.callDeadline().toInstant()));
    }
    if (!rows.isEmpty()) {
      throw new InvalidInputException(PLAN, "unknown sections " + rows.keySet() + "; " + programme.programme()
          + " is written in " + programme.sections().stream().map(ProgrammeRules.Section::code).toList());
    }
    String lead = TaskActor.of(task);
    if (lead == null) {
      throw new InvalidInputException("assignee", "claim the task first: whoever plans the writing leads the proposal");
    }
    sections.forEach(section -> records.plan(proposal.reference(), section));
    proposals.recordDocument(proposal.reference(), documentUrl);
    task.setVariable("proposalLead", lead);
    task.setVariable("budgetNeeded", true);
    status.refresh(task.getExecution());
  }

  private List<User> writersOf(Proposal proposal) {
    return recipients.of(List.of(), List.of(Cluster.fromCode("cluster", proposal.cluster()).writersGroup()));
  }

  private DraftSection planned(ProgrammeRules.Section section, int position, Map<String, Object> row,
      Set<String> writers, Instant callDeadline) {
    Inputs in = Inputs.of(row);
    String name = section.title();
    String owner = FormRows.inRow(PLAN, name, () -> in.text("owner", 64));
    if (!writers.contains(owner)) {
      throw new InvalidInputException(PLAN + "[" + name + "].owner",
          "'" + owner + "' is not a writer of the cluster; writers: " + writers.stream().sorted().toList());
    }
    LocalDate first = FormRows.inRow(PLAN, name, () -> in.date("firstDraftDue"));
    LocalDate last = FormRows.inRow(PLAN, name, () -> in.date("finalDue"));
    LocalDate today = LocalDate.ofInstant(Inputs.now(), Inputs.PEOPLE_ZONE);
    LocalDate deadline = LocalDate.ofInstant(callDeadline, Inputs.PEOPLE_ZONE);
    checkDate(name, "firstDraftDue", first, today, deadline);
    checkDate(name, "finalDue", last, today, deadline);
    if (last.isBefore(first)) {
      throw new InvalidInputException(PLAN + "[" + name + "].finalDue",
          "the final version (" + last + ") cannot be due before the first draft (" + first + ")");
    }
    return new DraftSection(section.code(), section.title(), position, owner, dueAt(first, callDeadline),
        dueAt(last, callDeadline), null, null, DraftSection.DRAFTING, null, null, null, 0, null);
  }

  private static void checkDate(String section, String field, LocalDate date, LocalDate today, LocalDate deadline) {
    if (date.isAfter(deadline)) {
      throw new InvalidInputException(PLAN + "[" + section + "]." + field,
          date + " is after the call deadline " + deadline);
    }
    if (date.isBefore(today)) {
      throw new InvalidInputException(PLAN + "[" + section + "]." + field, date + " is in the past");
    }
  }

  /** End of the working day, but never after the call deadline itself. */
  private static Instant dueAt(LocalDate date, Instant callDeadline) {
    Instant due = ZonedDateTime.of(date, DUE_TIME, Inputs.PEOPLE_ZONE).toInstant();
    return due.isAfter(callDeadline) ? callDeadline : due;
  }

  private static LocalDate defaultDate(LocalDate deadline, int daysBefore) {
    LocalDate tomorrow = LocalDate.ofInstant(Inputs.now(), Inputs.PEOPLE_ZONE).plusDays(1);
    LocalDate date = deadline.minusDays(daysBefore);
    if (date.isBefore(tomorrow)) {
      date = tomorrow;
    }
    return date.isAfter(deadline) ? deadline : date;
  }
}
