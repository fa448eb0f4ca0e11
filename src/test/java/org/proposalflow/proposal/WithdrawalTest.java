package org.proposalflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Withdrawing a proposal at any stage: by the REST message or by a manager's withdrawal in Tasklist. */
class WithdrawalTest extends ProcessTestSupport {

  @Autowired
  private TestRestTemplate rest;

  @Test
  void withdrawnMidDraftingThroughRestCancelsEveryTaskAndTimer() {
    ProcessInstance proposal = proposalInDrafting();
    assertThat(proposal).isWaitingAt("CallActivity_Drafting");

    ResponseEntity<String> response = rest.withBasicAuth("marja", "marja").postForEntity("/engine-rest/message", Map.of(
        "messageName", "WithdrawProposal",
        "businessKey", proposal.getBusinessKey(),
        "processVariables", Map.of("withdrawReason", Map.of("value", "The lead partner left the consortium."))),
        String.class);

    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    assertThat(proposal).isEnded().hasPassed("Task_RecordWithdrawal", "EndEvent_Withdrawn");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getBusinessKey()).count())
        .as("no called process left running").isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey()).count()).isZero();
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(proposal.getId()).count()).isZero();
    Proposal withdrawn = record(proposal);
    assertThat(withdrawn.stage()).isEqualTo(ProposalStage.WITHDRAWN);
    assertThat(withdrawn.withdrawReason()).isEqualTo("The lead partner left the consortium.");
  }

  @Test
  void withdrawalWithoutAReasonIsRefusedAndTheProposalGoesOn() {
    ProcessInstance proposal = startIdea(validIdea());

    ResponseEntity<Map> response = rest.withBasicAuth("marja", "marja").postForEntity("/engine-rest/message", Map.of(
        "messageName", "WithdrawProposal", "businessKey", proposal.getBusinessKey()), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").toString()).startsWith("withdrawReason:");
    assertThat(proposal).isWaitingAt("Task_ScreenIdea");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.SCREENING);
  }

  @Test
  void aManagerWithdrawsAProposalFromTasklist() {
    ProcessInstance proposal = startIdea(validIdea());

    authenticate("helmi");
    ProcessInstance withdrawal = runtimeService.startProcessInstanceByKey("proposal-withdrawal", vars(
        "proposalReference", proposal.getBusinessKey().toLowerCase(), "withdrawReason", "Call cancelled by the funder."));
    processEngine.getIdentityService().clearAuthentication();

    assertThat(withdrawal).isEnded();
    assertThat(proposal).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(record(proposal).withdrawReason()).isEqualTo("Call cancelled by the funder.");
  }

  @Test
  void aManagerCannotWithdrawAnotherClustersProposal() {
    var idea = validIdea();
    idea.put("cluster", "design");
    ProcessInstance designProposal = startIdea(idea);

    authenticate("helmi");
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("proposal-withdrawal", vars(
          "proposalReference", designProposal.getBusinessKey(), "withdrawReason", "Not mine to withdraw.")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("proposalReference: no open proposal of yours has the reference " + designProposal.getBusinessKey());
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("call-deadline-change", vars(
          "proposalReference", designProposal.getBusinessKey(), "newCallDeadline",
          formTime(record(designProposal).callDeadline().plusDays(10)))))
          .isInstanceOf(InvalidInputException.class);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(designProposal).isWaitingAt("Task_ScreenIdea");

    authenticate("venla");
    try {
      runtimeService.startProcessInstanceByKey("proposal-withdrawal", vars(
          "proposalReference", designProposal.getBusinessKey(), "withdrawReason", "The design cluster's own decision."));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(designProposal).isEnded();
  }

  @Test
  void withdrawingAnUnknownReferenceIsRefused() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("proposal-withdrawal", vars(
        "proposalReference", "PF-1999-9999", "withdrawReason", "Typo test.")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("proposalReference").hasMessageContaining("PF-1999-9999");
  }
}
