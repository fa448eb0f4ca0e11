package org.proposalflow.proposal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** A manager's "Withdraw a proposal" (process {@code proposal-withdrawal}, started from Tasklist). */
@Component("withdrawProposal")
public class WithdrawProposal implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Inputs.of(execution).text("withdrawReason", 1000);
    ProposalMessages.send(execution, "WithdrawProposal", Map.of("withdrawReason", reason));
  }
}
