package org.proposalflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.validation.InvalidInputException;

/** The first version of {@code proposal-drafting}: draft, internal review by someone else, loop until approved. */
class FourEyesReviewTest extends ProcessTestSupport {

  @Test
  void theAuthorCannotClaimOrCompleteTheReviewOfTheirDraft() {
    ProcessInstance proposal = proposalInDrafting();
    complete(proposal, "Task_DraftProposal", "aino", "documentUrl", "https://docs.example.org/d/1", "draftStatus", "readyForReview");
    Task review = openTask(proposal, "Task_ReviewDraft");

    assertThatThrownBy(() -> taskService.claim(review.getId(), "aino"))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("aino wrote this draft");
    authenticate("aino");
    assertThatThrownBy(() -> taskService.complete(review.getId(), vars("reviewDecision", "approve")))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    processEngine.getIdentityService().clearAuthentication();

    assertThat(openTask(proposal, "Task_ReviewDraft").getAssignee()).isNull();
    complete(proposal, "Task_ReviewDraft", "eero", "reviewDecision", "approve");
    assertThat(proposal).isWaitingAt("Task_FinalApproval");
  }

  @Test
  void revisionsGoBackToTheDraftUntilApproved() {
    ProcessInstance proposal = proposalInDrafting();
    complete(proposal, "Task_DraftProposal", "aino", "documentUrl", "https://docs.example.org/d/2", "draftStatus", "inProgress");
    assertThat(calledProcessInstance("proposal-drafting", proposal)).isWaitingAt("Task_DraftProposal");
    complete(proposal, "Task_DraftProposal", "aino", "documentUrl", "https://docs.example.org/d/2", "draftStatus", "readyForReview");
    complete(proposal, "Task_ReviewDraft", "eero", "reviewDecision", "revise", "reviewComment", "Budget table missing.");

    ProcessInstance drafting = calledProcessInstance("proposal-drafting", proposal);
    assertThat(drafting).isWaitingAt("Task_DraftProposal").variables().containsEntry("reviewComment", "Budget table missing.");
    complete(proposal, "Task_DraftProposal", "aino", "documentUrl", "https://docs.example.org/d/3", "draftStatus", "readyForReview");
    complete(proposal, "Task_ReviewDraft", "eero", "reviewDecision", "approve");
    assertThat(proposal).isWaitingAt("Task_FinalApproval");
    assertThat(record(proposal).documentUrl()).isEqualTo("https://docs.example.org/d/3");
  }

  @Test
  void aDocumentLinkThatIsNotHttpsIsRefused() {
    ProcessInstance proposal = proposalInDrafting();
    Task draft = openTask(proposal, "Task_DraftProposal");
    assertThatThrownBy(() -> completeAs("aino", draft, vars("documentUrl", "http://docs.example.org/d", "draftStatus", "readyForReview")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("documentUrl:");
    assertThat(record(proposal).documentUrl()).isNull();
  }
}
