package org.proposalflow.proposal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.notification.DeadlineReminders;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * First step of every proposal: checks the submitted idea, gives the proposal its reference (the
 * business key) and creates its record. Bad input fails the start, so nothing at all is created.
 */
@Component("registerProposal")
public class RegisterProposal implements JavaDelegate {

  private final ProposalReferences references;
  private final ProposalRecords records;
  private final DeadlineReminders reminders;

  public RegisterProposal(ProposalReferences references, ProposalRecords records, DeadlineReminders reminders) {
    this.references = references;
    this.records = records;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    Idea idea = Idea.read(in);
    String reminderDays = in.optionalText("reminderDays", 100);
    String reference = references.next(Inputs.now(), Inputs.PEOPLE_ZONE);
    records.insert(reference, execution.getProcessInstanceId(), idea, ProposalStage.SCREENING);
    execution.setProcessBusinessKey(reference);
    execution.setVariable("reference", reference);
    execution.setVariable("clusterName", idea.cluster().englishName());
    Date callDeadline = Date.from(idea.callDeadline().toInstant());
    execution.setVariable("callDeadline", callDeadline);
    reminders.planFirst(reference, reminderDays);
  }
}
