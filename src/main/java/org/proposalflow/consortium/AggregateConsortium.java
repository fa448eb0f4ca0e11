package org.proposalflow.consortium;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * "Update the consortium status", after every answer: aggregates the proposal's candidates into
 * the {@code consortium_status} table and the process variables {@code consortiumSummary} (one
 * readable line) and {@code consortiumStatus} (JSON), both on the process instance, visible in Cockpit.
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
    execution.getProcessInstance().setVariable("consortiumStatus", Spin.JSON(json(status)));
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
