package org.proposalflow.proposal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.notification.DeadlineReminders;
import org.proposalflow.validation.Inputs;
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
    records.updateIdea(reference, idea);
    Date callDeadline = Date.from(idea.callDeadline().toInstant());
    task.setVariable("callDeadline", callDeadline);
    task.setVariable("clusterName", idea.cluster().englishName());
    reminders.plan(reference, in.optionalText("reminderDays", 100));
  }
}
