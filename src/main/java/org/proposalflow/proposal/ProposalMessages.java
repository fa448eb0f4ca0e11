package org.proposalflow.proposal;

import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;

/**
 * A manager's action on a proposal from Tasklist (a small process with a start form naming the
 * proposal): sends the proposal's process the same message the REST API would.
 */
final class ProposalMessages {

  static final String REFERENCE_FIELD = "proposalReference";

  private ProposalMessages() {
  }

  static void send(DelegateExecution execution, String message, Map<String, Object> variables) {
    String reference = Inputs.of(execution).text(REFERENCE_FIELD, 20).toUpperCase(Locale.ROOT);
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(message)
          .processInstanceBusinessKey(reference)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException(REFERENCE_FIELD, "no open proposal has the reference " + reference);
    }
  }
}
