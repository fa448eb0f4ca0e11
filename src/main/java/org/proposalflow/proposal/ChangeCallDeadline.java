package org.proposalflow.proposal;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** A manager's "Move a call deadline" (process {@code call-deadline-change}, started from Tasklist). */
@Component("changeCallDeadline")
public class ChangeCallDeadline implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Date newDeadline = Date.from(Inputs.of(execution).futureDateTime("newCallDeadline").toInstant());
    ProposalMessages.send(execution, "CallDeadlineChanged", Map.of("newCallDeadline", newDeadline));
  }
}
