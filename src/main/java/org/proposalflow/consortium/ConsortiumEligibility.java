package org.proposalflow.consortium;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * Around the business rule task that evaluates the DMN decision {@code consortium-eligibility}:
 * {@code ${consortiumEligibility.prepare(execution)}} (start) puts the aggregated consortium into the
 * decision's input variables, {@code ${consortiumEligibility.interpret(execution)}} (end) turns the
 * collected rule results into {@code consortiumEligible}, {@code eligibilityReasons} and
 * {@code partnerDeadlinePassed}, and records them in {@code consortium_status}.
 */
@Component("consortiumEligibility")
public class ConsortiumEligibility {

  public static final String RESULTS = "eligibilityResults";

  private final ConsortiumAggregation aggregation;

  public ConsortiumEligibility(ConsortiumAggregation aggregation) {
    this.aggregation = aggregation;
  }

  public void prepare(DelegateExecution execution) {
    String programme = (String) execution.getVariable("programme");
    ConsortiumStatus status = aggregation.refresh(execution.getProcessBusinessKey(), programme);
    String actionType = ActionTypes.orDefault(programme, (String) execution.getVariable("actionType"));
    status.decisionInputs(programme, actionType).forEach(execution::setVariable);
  }

  public void interpret(DelegateExecution execution) {
    Verdict verdict = verdict(execution.getVariable(RESULTS));
    execution.removeVariable(RESULTS);
    execution.setVariable("consortiumEligible", verdict.eligible());
    execution.setVariable("eligibilityReasons", verdict.reasons());
    Object deadline = execution.getVariable("partnerResponseDeadline");
    execution.setVariable("partnerDeadlinePassed",
        deadline instanceof Date date && !date.toInstant().isAfter(Inputs.now()));
    aggregation.recordEligibility(execution.getProcessBusinessKey(), verdict.eligible(), verdict.reasons());
  }

  /** The decision's verdict: eligible when at least one rule matched and every matched rule says eligible. */
  public record Verdict(boolean eligible, String reasons) {
  }

  @SuppressWarnings("unchecked")
  public static Verdict verdict(Object results) {
    List<Map<String, Object>> rules = results instanceof Collection<?> list
        ? list.stream().map(r -> (Map<String, Object>) r).toList() : List.of();
    if (rules.isEmpty()) {
      return new Verdict(false, "no eligibility rule applies to this programme and action type");
    }
    boolean eligible = rules.stream().allMatch(r -> Boolean.TRUE.equals(r.get("eligible")));
    String reasons = rules.stream()
        .filter(r -> eligible || !Boolean.TRUE.equals(r.get("eligible")))
        .map(r -> String.valueOf(r.get("reason"))).collect(Collectors.joining("; "));
    return new Verdict(eligible, reasons);
  }
}
