package org.proposalflow.consortium;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * "Update the consortium status", after every answer: aggregates the proposal's candidates into
 * the {@code consortium_status} table and the process variable {@code consortiumSummary} (one
 * readable line, visible in Cockpit). The JSON status, {@code consortiumStatus}, is handed to the
 * lifecycle once, when the partner search ends ({@link #statusJson}): as a variable of the search
 * itself every answer would write and copy it again.
 */
@Component("aggregateConsortium")
public class AggregateConsortium implements JavaDelegate {

  private final ConsortiumAggregation aggregation;

  public AggregateConsortium(ConsortiumAggregation aggregation) {
    this.aggregation = aggregation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConsortiumStatus status = aggregation.refresh(execution.getProcessBusinessKey(),
        (String) execution.getVariable("programme"));
    execution.getProcessInstance().setVariable("consortiumSummary", status.summary());
  }

  /** For the call activity's output mapping: the consortium status as JSON, aggregated now. */
  public SpinJsonNode statusJson(String reference, String programme) {
    return Spin.JSON(json(aggregation.statusOf(reference, programme)));
  }

  static String json(ConsortiumStatus s) {
    StringBuilder types = new StringBuilder("{");
    s.organisationTypes().forEach((type, n) -> types.append(types.length() > 1 ? "," : "").append(quote(type)).append(':').append(n));
    return "{\"confirmed\":" + s.confirmed() + ",\"declined\":" + s.declined() + ",\"pending\":" + s.pending()
        + ",\"noAnswer\":" + s.noAnswer() + ",\"droppedOut\":" + s.withdrawn() + ",\"countingEntities\":" + s.countingEntities()
        + ",\"countries\":[" + String.join(",", s.countries().stream().map(AggregateConsortium::quote).toList()) + "]"
        + ",\"memberStateCountries\":" + s.memberStateCountries() + ",\"associatedCountries\":" + s.associatedCountries()
        + ",\"programmeCountries\":" + s.programmeCountries() + ",\"organisationTypes\":" + types.append('}')
        + ",\"coordinator\":" + (s.coordinator() == null ? "null" : quote(s.coordinator())) + "}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
