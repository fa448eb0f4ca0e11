package org.proposalflow.consortium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;

/** The first version of {@code partner-search}: writers record partners until the consortium is complete. */
class RecordPartnerTest extends ProcessTestSupport {

  @Autowired
  private ConsortiumPartners partners;

  @Test
  void partnersAreRecordedAndBadOnesRefused() {
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", "helmi", "screeningDecision", "go");

    Task empty = openTask(proposal, "Task_RecordPartner");
    assertThatThrownBy(() -> completeAs("aino", empty, vars("partnerAction", "complete")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("at least one partner");

    complete(proposal, "Task_RecordPartner", "aino", "partnerAction", "add", "partnerOrganisation", "Geological Survey of Finland",
        "partnerCountry", "fi", "partnerType", "research", "partnerRole", "beneficiary",
        "partnerContactEmail", "gtk@proposalflow.example", "partnerConfirmed", true);
    assertThat(runtimeService.getVariable(openTask(proposal, "Task_RecordPartner").getProcessInstanceId(), "partnerOrganisation"))
        .as("the next round starts with an empty partner form").isNull();

    Task next = openTask(proposal, "Task_RecordPartner");
    assertThatThrownBy(() -> completeAs("aino", next, vars("partnerAction", "add", "partnerOrganisation", "geological survey of finland",
        "partnerCountry", "FI", "partnerType", "research", "partnerRole", "beneficiary",
        "partnerContactEmail", "gtk@proposalflow.example")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("already in this consortium");
    assertThatThrownBy(() -> completeAs("aino", next, vars("partnerAction", "add", "partnerOrganisation", "Nordic Lab",
        "partnerCountry", "XX", "partnerType", "research", "partnerRole", "beneficiary",
        "partnerContactEmail", "lab@proposalflow.example")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("partnerCountry:");
    assertThatThrownBy(() -> completeAs("aino", next, vars("partnerAction", "add", "partnerOrganisation", "Nordic Lab",
        "partnerCountry", "NO", "partnerType", "research", "partnerRole", "beneficiary",
        "partnerContactEmail", "not-an-address")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("partnerContactEmail:");

    complete(proposal, "Task_RecordPartner", "aino", "partnerAction", "complete");
    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    assertThat(partners.of(proposal.getBusinessKey()))
        .containsExactly(new ConsortiumPartner("Geological Survey of Finland", "FI", "research", "beneficiary",
            "gtk@proposalflow.example", true));
  }
}
