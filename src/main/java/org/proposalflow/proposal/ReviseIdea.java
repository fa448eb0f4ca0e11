package org.proposalflow.proposal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** A writer revised the idea after screening asked for rework: the same checks as a new idea. */
@Component("reviseIdea")
public class ReviseIdea implements TaskListener {

  private final ProposalRecords records;

  public ReviseIdea(ProposalRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    Idea idea = Idea.read(Inputs.of(task));
    records.updateIdea(task.getExecution().getProcessBusinessKey(), idea);
    task.setVariable("callDeadline", Date.from(idea.callDeadline().toInstant()));
  }
}
