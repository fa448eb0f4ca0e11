package org.proposalflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Four eyes on the internal review: the author of the draft may neither claim nor complete its
 * review. Listens to the review task's assignment and complete events.
 */
@Component("fourEyesReview")
public class FourEyesReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String reviewer = TaskActor.of(task);
    Object author = task.getVariable("draftAuthor");
    if (reviewer == null) {
      if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
        throw new InvalidInputException("assignee", "claim the review task before completing it, so the reviewer is known");
      }
      return;
    }
    if (reviewer.equals(author)) {
      throw new InvalidInputException("assignee", reviewer + " wrote this draft and cannot review it; "
          + "another writer of the cluster must do the internal review");
    }
  }
}
