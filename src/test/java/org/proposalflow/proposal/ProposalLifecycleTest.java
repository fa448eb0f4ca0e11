package org.proposalflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code proposal-lifecycle}, driven through the deployed processes as Tasklist would. */
class ProposalLifecycleTest extends ProcessTestSupport {

  private static final String WRITER = "aino";
  private static final String OTHER_WRITER = "eero";
  private static final String MANAGER = "helmi";
  private static final String PORTFOLIO_MANAGER = "marja";

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void goesFromIdeaToFunded() {
    ProcessInstance proposal = startIdea(validIdea());

    assertThat(proposal.getBusinessKey()).matches("PF-\\d{4}-\\d{4}");
    assertThat(proposal).isWaitingAt("Task_ScreenIdea");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.SCREENING);
    assertThat(record(proposal).estimatedBudget()).isEqualByComparingTo("4000000");

    screenGo(proposal);
    assertThat(proposal).isWaitingAt("CallActivity_PartnerSearch");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.PARTNER_SEARCH);
    buildConsortium(proposal);
    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumSummary").toString())
        .startsWith("3 partners, 3 confirmed, 0 declined, 0 pending, 0 no answer");
    draftAndReview(proposal);
    assertThat(proposal).isWaitingAt("Task_FinalApproval");
    complete(proposal, "Task_FinalApproval", MANAGER, "approvalDecision", "approve");
    submit(proposal);
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.AWAITING_OUTCOME);
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "funded", "grantedAmount", 3_200_000,
        "grantedRegionalShare", 750_000);
    assertThat(proposal).isWaitingAt("Task_PrepareGrantAgreement");
    complete(proposal, "Task_PrepareGrantAgreement", WRITER, "grantAgreementNumber", "101234567",
        "projectStartDate", LocalDate.now().plusMonths(4).toString());

    assertThat(proposal).isEnded().hasPassed("EndEvent_Funded");
    Proposal funded = record(proposal);
    assertThat(funded.stage()).isEqualTo(ProposalStage.FUNDED);
    assertThat(funded.evaluationResult()).isEqualTo("FUNDED");
    assertThat(funded.grantedAmount()).isEqualByComparingTo("3200000");
    assertThat(funded.grantedRegionalShare()).isEqualByComparingTo("750000");
    assertThat(funded.requestedBudget()).isEqualByComparingTo("3500000");
    assertThat(funded.documentUrl()).isEqualTo("https://docs.example.org/" + proposal.getBusinessKey());
    assertThat(funded.closedAt()).isNotNull();
  }

  @Test
  void tasksGoOnlyToTheGroupsOfTheProposalsCluster() {
    Map<String, Object> idea = validIdea();
    idea.put("cluster", "design");
    ProcessInstance proposal = startIdea(idea);

    assertThat(candidateGroups(openTask(proposal, "Task_ScreenIdea"))).containsExactly("designManagers");
    screenGo(proposal, "venla");
    assertThat(candidateGroups(openTask(proposal, "Task_ChoosePartners"))).containsExactly("designWriters");
    assertThat(openTask(proposal, "Task_ChoosePartners").getDueDate()).isNotNull();
  }

  @Test
  void reworkSendsTheIdeaBackAndScreensItAgain() {
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", MANAGER, "screeningDecision", "rework",
        "screeningComment", "Name the Member State partners you have in mind.");
    assertThat(proposal).isWaitingAt("Task_ReviseIdea");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.IDEA_REWORK);

    complete(proposal, "Task_ReviseIdea", WRITER, "title", "Circular tailings with partners in SE and DE");
    assertThat(proposal).isWaitingAt("Task_ScreenIdea");
    assertThat(runtimeService.getVariables(proposal.getId()))
        .as("the second screening starts without the first one's answers")
        .doesNotContainKeys("screeningDecision", "screeningComment");
    assertThat(record(proposal).title()).isEqualTo("Circular tailings with partners in SE and DE");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.SCREENING);
    screenGo(proposal);
    assertThat(proposal).isWaitingAt("CallActivity_PartnerSearch");
  }

  @Test
  void reworkWithoutACommentIsRefused() {
    ProcessInstance proposal = startIdea(validIdea());
    Task screening = openTask(proposal, "Task_ScreenIdea");
    assertThatThrownBy(() -> completeAs(MANAGER, screening, vars("screeningDecision", "rework")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("screeningComment");
    assertThat(proposal).isWaitingAt("Task_ScreenIdea");
  }

  @Test
  void noGoDeclinesTheIdea() {
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", MANAGER, "screeningDecision", "nogo",
        "screeningComment", "Outside the cluster's smart specialisation.");
    assertThat(proposal).isEnded().hasPassed("EndEvent_Declined");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.DECLINED);
  }

  @Test
  void returnedAtFinalApprovalGoesBackToDraftingWithTheReason() {
    ProcessInstance proposal = startIdea(validIdea());
    screenGo(proposal);
    buildConsortium(proposal);
    draftAndReview(proposal);
    complete(proposal, "Task_FinalApproval", PORTFOLIO_MANAGER, "approvalDecision", "return",
        "returnReason", "The impact section does not mention Lapland's regional strategy.");

    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    ProcessInstance drafting = calledProcessInstance("proposal-drafting", proposal);
    assertThat(drafting).isWaitingAt("Task_PlanWriting")
        .hasVariables("returnReason", "documentUrl", "proposalLead");
    assertThat(runtimeService.getVariable(drafting.getId(), "documentUrl"))
        .isEqualTo("https://docs.example.org/" + proposal.getBusinessKey());
    draftAndReview(proposal);
    assertThat(proposal).isWaitingAt("Task_FinalApproval");
  }

  @Test
  void rejectedThenResubmittedThenFunded() {
    ProcessInstance proposal = startIdea(validIdea());
    screenGo(proposal);
    buildConsortium(proposal);
    draftAndReview(proposal);
    complete(proposal, "Task_FinalApproval", MANAGER, "approvalDecision", "approve");
    submit(proposal);
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "rejected",
        "evaluationScores", "Excellence 3.5, Impact 3.0, Implementation 3.5",
        "evaluationFeedback", "Impact pathway too vague.");
    assertThat(proposal).isWaitingAt("Task_DecideResubmission");
    assertThat(record(proposal).evaluationResult()).isEqualTo("REJECTED");

    OffsetDateTime nextDeadline = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(200);
    complete(proposal, "Task_DecideResubmission", MANAGER, "resubmissionDecision", "resubmit",
        "newCallIdentifier", "HORIZON-CL4-2028-TWIN-01", "newCallDeadline", formTime(nextDeadline));

    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    ProcessInstance drafting = calledProcessInstance("proposal-drafting", proposal);
    assertThat(runtimeService.getVariable(drafting.getId(), "evaluationFeedback")).isEqualTo("Impact pathway too vague.");
    assertThat(runtimeService.getVariable(drafting.getId(), "documentUrl"))
        .isEqualTo("https://docs.example.org/" + proposal.getBusinessKey());
    Proposal resubmitted = record(proposal);
    assertThat(resubmitted.callIdentifier()).isEqualTo("HORIZON-CL4-2028-TWIN-01");
    assertThat(resubmitted.callDeadline().toInstant()).isEqualTo(nextDeadline.withSecond(0).withNano(0).toInstant());
    assertThat(resubmitted.resubmissionCount()).isEqualTo(1);
    assertThat((Date) runtimeService.getVariable(proposal.getId(), "callDeadline"))
        .isEqualTo(Date.from(nextDeadline.withSecond(0).withNano(0).toInstant()));

    draftAndReview(proposal);
    complete(proposal, "Task_FinalApproval", MANAGER, "approvalDecision", "approve");
    submit(proposal);
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "funded", "grantedAmount", 2_900_000,
        "grantedRegionalShare", 600_000);
    complete(proposal, "Task_PrepareGrantAgreement", WRITER, "projectStartDate", LocalDate.now().toString());
    assertThat(proposal).isEnded().hasPassed("EndEvent_Funded");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.FUNDED);
  }

  @Test
  void rejectedThenClosedEndsNotFunded() {
    ProcessInstance proposal = submittedProposal();
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "rejected", "evaluationFeedback", "Below threshold.");
    complete(proposal, "Task_DecideResubmission", MANAGER, "resubmissionDecision", "close");
    assertThat(proposal).isEnded().hasPassed("EndEvent_NotFunded");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.NOT_FUNDED);
  }

  @Test
  void reserveListWaitsForTheRecheckDateThenFunded() {
    ProcessInstance proposal = submittedProposal();
    LocalDate recheck = LocalDate.now(Inputs.PEOPLE_ZONE).plusDays(30);
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "reserve", "reserveRecheckDate", recheck.toString());

    assertThat(proposal).isWaitingAt("Gateway_OnReserveList");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.RESERVE_LIST);
    assertThat(record(proposal).evaluationResult()).isEqualTo("RESERVE_LIST");
    Job timer = job("Event_ReserveRecheckDue", proposal);
    assertThat(timer.getDuedate())
        .isEqualTo(Date.from(recheck.atTime(9, 0).atZone(Inputs.PEOPLE_ZONE).toInstant()));

    execute(timer);
    assertThat(proposal).isWaitingAt("Task_AwaitOutcome");
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "funded", "grantedAmount", 1_000_000,
        "grantedRegionalShare", 250_000);
    complete(proposal, "Task_PrepareGrantAgreement", WRITER, "projectStartDate", LocalDate.now().toString());
    assertThat(proposal).isEnded().hasPassed("Gateway_OnReserveList", "EndEvent_Funded");
  }

  @Test
  void outcomeMessageOnTheReserveListCancelsTheRecheckTimer() {
    ProcessInstance proposal = submittedProposal();
    complete(proposal, "Task_AwaitOutcome", WRITER, "outcome", "reserve",
        "reserveRecheckDate", LocalDate.now(Inputs.PEOPLE_ZONE).plusDays(30).toString());

    runtimeService.createMessageCorrelation("EvaluationOutcome").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariables(vars("outcome", "funded", "grantedAmount", 800_000, "grantedRegionalShare", 100_000))
        .correlate();

    assertThat(proposal).isWaitingAt("Task_PrepareGrantAgreement").hasPassed("Event_ReserveOutcomeArrived");
    assertThat(managementJobs(proposal)).isZero();
  }

  @Test
  void lateSubmissionIsRefusedWithAClearMessage() {
    ProcessInstance proposal = startIdea(validIdea());
    screenGo(proposal);
    buildConsortium(proposal);
    draftAndReview(proposal);
    complete(proposal, "Task_FinalApproval", MANAGER, "approvalDecision", "approve");
    Task submission = openTask(proposal, "Task_SubmitToFunder");
    OffsetDateTime deadline = record(proposal).callDeadline();

    assertThatThrownBy(() -> completeAs(WRITER, submission, vars("submissionId", "SEP-1", "requestedBudget", 100,
        "submittedAt", formTime(deadline.plusMinutes(1).atZoneSameInstant(Inputs.PEOPLE_ZONE).toOffsetDateTime()))))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause().hasMessageContaining("submittedAt").hasMessageContaining("after the call deadline");

    assertThat(proposal).isWaitingAt("Task_SubmitToFunder");
    assertThat(record(proposal).submissionId()).isNull();
  }

  @Test
  void referencesAreSequentialWithinTheYear() {
    ProcessInstance first = startIdea(validIdea());
    ProcessInstance second = startIdea(validIdea());
    assertThat(number(second.getBusinessKey())).isEqualTo(number(first.getBusinessKey()) + 1);
    assertThat(first.getBusinessKey()).startsWith("PF-" + LocalDate.now(Inputs.PEOPLE_ZONE).getYear() + "-");
  }

  @Test
  void referencesStartAgainAtOneEachYearAndNeverRepeat() {
    // a year no proposal has used yet in this database
    int year = Math.max(2031, jdbc.queryForObject("select max(counter_year) from proposal_reference_counter", Integer.class) + 1);
    try {
      ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse((year - 1) + "-12-31T23:30+02:00").toInstant()));
      ProcessInstance lastOfYear = startIdea(validIdea());
      ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(year + "-01-01T00:10+02:00").toInstant()));
      ProcessInstance firstOfNextYear = startIdea(validIdea());
      ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse((year - 1) + "-12-31T23:50+02:00").toInstant()));
      ProcessInstance backInTheOldYear = startIdea(validIdea());

      assertThat(lastOfYear.getBusinessKey()).startsWith("PF-" + (year - 1) + "-");
      assertThat(firstOfNextYear.getBusinessKey()).isEqualTo("PF-" + year + "-0001");
      assertThat(number(backInTheOldYear.getBusinessKey())).isEqualTo(number(lastOfYear.getBusinessKey()) + 1);
    } finally {
      ClockUtil.reset();
    }
  }

  private ProcessInstance submittedProposal() {
    ProcessInstance proposal = startIdea(validIdea());
    screenGo(proposal);
    buildConsortium(proposal);
    draftAndReview(proposal);
    complete(proposal, "Task_FinalApproval", MANAGER, "approvalDecision", "approve");
    submit(proposal);
    return proposal;
  }

  private void submit(ProcessInstance proposal) {
    complete(proposal, "Task_SubmitToFunder", WRITER, "submissionId", "SEP-210987654",
        "submittedAt", formTime(OffsetDateTime.now(ZoneOffset.ofHours(2)).minusMinutes(5)), "requestedBudget", 3_500_000);
    assertThat(proposal).isWaitingAt("Task_AwaitOutcome");
  }

  private java.util.List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private long managementJobs(ProcessInstance proposal) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(proposal.getId()).count();
  }

  private static int number(String reference) {
    return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
  }
}
