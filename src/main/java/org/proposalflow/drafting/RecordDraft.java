package org.proposalflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/** The writer updated the draft: keeps the working document link and remembers who wrote it. */
@Component("recordDraft")
public class RecordDraft implements TaskListener {

  private final ProposalRecords records;

  public RecordDraft(ProposalRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task);
    String documentUrl = in.httpsUrl("documentUrl");
    in.choice("draftStatus", "inProgress", "readyForReview");
    records.recordDocument(task.getExecution().getProcessBusinessKey(), documentUrl);
    String author = TaskActor.of(task);
    if (author != null) {
      task.setVariable("draftAuthor", author);
    }
  }
}
