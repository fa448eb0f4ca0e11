package org.proposalflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.proposalflow.platform.WithoutAuthorizationChecks;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadline reminder plan of a proposal: one instance of {@code deadline-reminders} per proposal
 * (business key = reference, tenant = cluster) whose timer fires at T-30, T-14, ... days before the
 * call deadline, one after the other (only the next one exists), visible in Cockpit. A moved
 * deadline deletes the old plan and starts a new one in the same transaction, so no stale reminder
 * can fire.
 *
 * <p>The plan is one flat loop with two variables, {@code callDeadline} and {@code remindersAhead}
 * (e.g. "14,7,2,1", the first is the next reminder), because every proposal starts one and most
 * delete it unfired at submission: each variable and scope more is written and deleted again for
 * every proposal.
 */
@Component("deadlineReminders")
@ConfigurationProperties(prefix = "proposal-flow.reminders")
public class DeadlineReminders {

  public static final String PROCESS = "deadline-reminders";

  private final RuntimeService runtimeService;
  private final ProposalRecords proposals;
  /**
   * The plan of a proposal, as a native query: the engine's process instance query builds its long
   * statement anew for each call, two thirds of the time a submission spent on deleting the plan.
   */
  private final String planOfProposal;
  /** Days before the call deadline, unless the programme or the proposal says otherwise. */
  private String daysBefore = "30,14,7,2,1";
  /** Per programme code, e.g. {@code horizonEurope: 45,30,14,7,2,1}. */
  private Map<String, String> programmes = Map.of();

  public DeadlineReminders(RuntimeService runtimeService, ManagementService managementService,
      ProposalRecords proposals) {
    this.runtimeService = runtimeService;
    this.proposals = proposals;
    this.planOfProposal = "select PLAN.* from " + managementService.getTableName(ProcessInstance.class) + " PLAN"
        + " inner join " + managementService.getTableName(ProcessDefinition.class) + " DEFINITION"
        + " on PLAN.PROC_DEF_ID_ = DEFINITION.ID_"
        + " where PLAN.BUSINESS_KEY_ = #{reference} and PLAN.PARENT_ID_ is null and DEFINITION.KEY_ = #{process}";
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
    List<Integer> ahead = pending(callDeadline, days);
    if (ahead.isEmpty()) {
      return;
    }
    runtimeService.createProcessInstanceByKey(PROCESS)
        .businessKey(reference)
        // only the tenant is taken from it (ClusterTenants)
        .setVariable("cluster", Variables.stringValue(proposal.cluster(), true))
        .setVariable("callDeadline", callDeadline)
        .setVariable("remindersAhead", join(ahead))
        .execute();
  }

  /** Deletes the plan, as the application: whoever's step ends it need not see the reminder process. */
  public void cancel(String reference) {
    WithoutAuthorizationChecks.run(() -> {
      for (ProcessInstance plan : runtimeService.createNativeProcessInstanceQuery().sql(planOfProposal)
          .parameter("reference", reference).parameter("process", PROCESS).list()) {
        runtimeService.deleteProcessInstance(plan.getId(), "deadline reminders re-planned or no longer needed",
            true, true);
      }
    });
  }

  /** For an execution listener: the proposal ended or was submitted, its reminders are not needed. */
  public void cancel(DelegateExecution execution) {
    cancel(execution.getProcessBusinessKey());
  }

  /** When the plan's next reminder is due: the first of {@code remindersAhead}. */
  public Date next(Date callDeadline, String remindersAhead) {
    return at(callDeadline, nextDays(remindersAhead));
  }

  /** The days before the deadline of the plan's next reminder. */
  public int nextDays(String remindersAhead) {
    return ahead(remindersAhead).get(0);
  }

  /** {@code remindersAhead} once its next reminder is sent: "" when it was the last. */
  public String afterNext(String remindersAhead) {
    List<Integer> ahead = ahead(remindersAhead);
    return join(ahead.subList(1, ahead.size()));
  }

  /**
   * The reminders in {@code remindersAhead}. Also the collection of plans started by the earlier
   * model (a sequential multi-instance), which may still be running.
   */
  public List<Integer> ahead(String remindersAhead) {
    return remindersAhead.isEmpty() ? List.of() : parse("remindersAhead", remindersAhead);
  }

  private static String join(List<Integer> days) {
    return days.stream().map(String::valueOf).collect(Collectors.joining(","));
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
