package org.proposalflow.proposal;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * A manager's "Withdraw a proposal" (process {@code proposal-withdrawal}, started from Tasklist):
 * sends {@code WithdrawProposal} to the open proposal with the given reference.
 */
@Component("withdrawProposal")
public class WithdrawProposal implements JavaDelegate {

  public static final String MESSAGE = "WithdrawProposal";

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String reference = in.text("withdrawReference", 20).toUpperCase(java.util.Locale.ROOT);
    String reason = in.text("withdrawReason", 1000);
    try {
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(reference)
          .setVariable("withdrawReason", reason)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new InvalidInputException("withdrawReference", "no open proposal has the reference " + reference);
    }
  }
}
