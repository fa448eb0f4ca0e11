package org.proposalflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Update the drafting progress", after every section update. */
@Component("aggregateDraftingProgress")
public class AggregateDraftingProgress implements JavaDelegate {

  private final DraftingStatus status;

  public AggregateDraftingProgress(DraftingStatus status) {
    this.status = status;
  }

  @Override
  public void execute(DelegateExecution execution) {
    status.refresh(execution);
  }
}
