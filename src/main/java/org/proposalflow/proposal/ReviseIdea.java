package org.proposalflow.proposal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.notification.DeadlineReminders;
import org.proposalflow.validation.Inputs;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/** A writer revised the idea after screening asked for rework: the same checks as a new idea. */
@Component("reviseIdea")
public class ReviseIdea implements TaskListener {

  private final ProposalRecords records;
  private final DeadlineReminders reminders;

  public ReviseIdea(ProposalRecords records, DeadlineReminders reminders) {
    this.records = records;
    this.reminders = reminders;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task);
    Idea idea = Idea.read(in);
    String reference = task.getExecution().getProcessBusinessKey();
    if (!idea.cluster().code().equals(task.getTenantId())) {
      // the proposal's instances, tasks and history belong to its cluster's tenant, which cannot change
      throw new InvalidInputException("cluster", "a proposal stays with the cluster it was submitted to ("
          + Cluster.fromCode("cluster", task.getTenantId()).englishName()
          + "); to move it, withdraw it and submit the idea in the other cluster");
    }
    records.updateIdea(reference, idea);
    Date callDeadline = Date.from(idea.callDeadline().toInstant());
    task.setVariable("callDeadline", callDeadline);
    task.setVariable("clusterName", idea.cluster().englishName());
    reminders.plan(reference, in.optionalText("reminderDays", 100));
  }
}
