package org.proposalflow.portfolio;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of {@code portfolio-digest}: records the digests; the outbox delivers them. */
@Component("sendWeeklyDigest")
public class SendWeeklyDigest implements JavaDelegate {

  private final WeeklyDigest digest;

  public SendWeeklyDigest(WeeklyDigest digest) {
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("digestsRecorded", digest.send(execution.getProcessInstanceId()));
  }
}
