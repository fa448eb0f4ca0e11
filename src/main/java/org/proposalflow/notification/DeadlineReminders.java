package org.proposalflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalflow.platform.WithoutAuthorizationChecks;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadline reminder plan of a proposal: one instance of {@code deadline-reminders} per proposal
 * (business key = reference) whose timers fire at T-30, T-14, ... days before the call deadline,
 * one after the other (only the next one exists), visible in Cockpit. A moved deadline deletes the
 * old plan and starts a new one in the same transaction, so no stale reminder can fire.
 */
@Component("deadlineReminders")
@ConfigurationProperties(prefix = "proposal-flow.reminders")
public class DeadlineReminders {

  public static final String PROCESS = "deadline-reminders";

  private final RuntimeService runtimeService;
  private final ProposalRecords proposals;
  /** Days before the call deadline, unless the programme or the proposal says otherwise. */
  private String daysBefore = "30,14,7,2,1";
  /** Per programme code, e.g. {@code horizonEurope: 45,30,14,7,2,1}. */
  private Map<String, String> programmes = Map.of();

  public DeadlineReminders(RuntimeService runtimeService, ProposalRecords proposals) {
    this.runtimeService = runtimeService;
    this.proposals = proposals;
  }

  /**
   * Re-plans the reminders of a proposal from its record (deadline, programme, cluster), deleting
   * the plan it had; {@code proposalDays} overrides the defaults when given.
   */
  public void plan(String reference, String proposalDays) {
    cancel(reference);
    planFirst(reference, proposalDays);
  }

  /** Plans the reminders of a proposal just registered, which has no plan yet to delete. */
  public void planFirst(String reference, String proposalDays) {
    Proposal proposal = proposals.find(reference).orElseThrow();
    String days = proposalDays != null ? proposalDays : programmes.getOrDefault(proposal.programme(), daysBefore);
    Date callDeadline = Date.from(proposal.callDeadline().toInstant());
    // fixed when planned: the sequential multi-instance reads its collection again at each reminder
    String remindersAhead = pending(callDeadline, days).stream().map(String::valueOf).collect(Collectors.joining(","));
    runtimeService.createProcessInstanceByKey(PROCESS)
        .businessKey(reference)
        .setVariable("reference", reference)
        .setVariable("cluster", proposal.cluster())
        .setVariable("callDeadline", callDeadline)
        .setVariable("reminderDays", days)
        .setVariable("remindersAhead", remindersAhead)
        .execute();
  }

  /** Deletes the plan, as the application: whoever's step ends it need not see the reminder process. */
  public void cancel(String reference) {
    WithoutAuthorizationChecks.run(() -> {
      for (ProcessInstance plan : runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
          .processInstanceBusinessKey(reference).list()) {
        runtimeService.deleteProcessInstance(plan.getId(), "deadline reminders re-planned or no longer needed",
            true, true);
      }
    });
  }

  /** For an execution listener: the proposal ended or was submitted, its reminders are not needed. */
  public void cancel(DelegateExecution execution) {
    cancel(execution.getProcessBusinessKey());
  }

  /** The multi-instance collection of the plan: the reminders that were ahead when it was planned. */
  public List<Integer> ahead(String remindersAhead) {
    return remindersAhead.isEmpty() ? List.of() : parse("remindersAhead", remindersAhead);
  }

  /** The reminders still ahead, as days before the deadline. */
  private List<Integer> pending(Date callDeadline, String reminderDays) {
    Instant now = Inputs.now();
    return parse("reminderDays", reminderDays).stream()
        .filter(days -> at(callDeadline, days).toInstant().isAfter(now))
        .toList();
  }

  public Date at(Date callDeadline, int daysBefore) {
    return Date.from(callDeadline.toInstant().minus(Duration.ofDays(daysBefore)));
  }

  /** "30, 14, 7" → [30, 14, 7]; anything else is refused naming the field. */
  public static List<Integer> parse(String field, String days) {
    if (days == null || !days.strip().matches("\\d{1,3}(\\s*,\\s*\\d{1,3})*")) {
      throw new InvalidInputException(field, "'" + days + "' is not a list of days such as 30,14,7,2,1");
    }
    return Arrays.stream(days.split(",")).map(String::strip).map(Integer::valueOf).distinct().sorted((a, b) -> b - a)
        .toList();
  }

  public void setDaysBefore(String daysBefore) {
    this.daysBefore = daysBefore;
  }

  public void setProgrammes(Map<String, String> programmes) {
    this.programmes = programmes;
  }
}
