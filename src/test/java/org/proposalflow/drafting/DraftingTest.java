package org.proposalflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.notification.NotificationDelivery;
import org.proposalflow.notification.TestSmtp;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process {@code proposal-drafting}: the lead plans the programme's sections, owners write them in
 * parallel, a budget per partner, four-eyes review per section, the compliance check and its repair.
 * The consortium is always Digipolis (FI, regional), Norrbotten Mining Lab (SE) and Ruhr Process
 * Engineering Institute (DE); Horizon Europe RIA, 45 pages, 25 % indirect, 100 % funding.
 */
class DraftingTest extends ProcessTestSupport {

  private static final String EXCELLENCE = "excellence";
  private static final String IMPACT = "impact";

  @Autowired
  private DraftingRecords drafting;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private NotificationDelivery delivery;
  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void allSectionsApprovedFirstTimeGoToFinalApproval() {
    ProcessInstance proposal = proposalInDrafting();
    Task plan = openTask(proposal, "Task_PlanWriting");
    SpinJsonNode offered = (SpinJsonNode) taskService.getVariable(plan.getId(), "sectionPlan");
    assertThat(offered.elements()).extracting(row -> row.prop("title").stringValue())
        .containsExactly("1. Excellence", "2. Impact", "3. Quality and efficiency of the implementation",
            "Budget and administrative forms");
    LocalDate deadline = callDeadlineDate(proposal);
    assertThat(offered.elements().get(0).prop("firstDraftDue").stringValue()).isEqualTo(deadline.minusDays(21).toString());
    assertThat(offered.elements().get(0).prop("finalDue").stringValue()).isEqualTo(deadline.minusDays(7).toString());

    planWriting(proposal, "aino", "aino", "eero");
    ProcessInstance draftingInstance = calledProcessInstance("proposal-drafting", proposal);
    assertThat(draftingInstance).isWaitingAt("Task_WriteSection", "Task_PrepareBudget");
    assertThat(sectionTasks(proposal)).extracting(Task::getName, Task::getAssignee).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Write section: 1. Excellence", "aino"),
        org.assertj.core.groups.Tuple.tuple("Write section: 2. Impact", "eero"),
        org.assertj.core.groups.Tuple.tuple("Write section: 3. Quality and efficiency of the implementation", "aino"),
        org.assertj.core.groups.Tuple.tuple("Write section: Budget and administrative forms", "eero"));
    assertThat(runtimeService.getVariable(draftingInstance.getId(), DraftingStatus.VARIABLE))
        .isEqualTo("0/4 sections ready (0 approved), 0 of 45 pages, 0 overdue, " + daysLeft(proposal) + " days to the call deadline");

    prepareBudget(proposal, "aino", 400_000);
    Task first = sectionTasks(proposal).get(0);
    completeAs("aino", first, DraftingAnswers.section("https://docs.example.org/x/excellence", 12, false));
    assertThat(runtimeService.getVariable(draftingInstance.getId(), DraftingStatus.VARIABLE)).asString()
        .startsWith("0/4 sections ready (0 approved), 12 of 45 pages");
    writeSections(proposal, 10, true);
    assertThat(runtimeService.getVariable(draftingInstance.getId(), DraftingStatus.VARIABLE)).asString()
        .startsWith("4/4 sections ready (0 approved), 40 of 45 pages, 0 overdue");
    reviewSections(proposal, "helmi", Map.of());

    assertThat(proposal).isWaitingAt("Task_FinalApproval");
    assertThat(draftingInstance).isEnded().hasPassed("Task_CheckCompliance", "EndEvent_ReadyForApproval");
    assertThat(runtimeService.getVariable(proposal.getId(), DraftingStatus.VARIABLE)).as("handed over when drafting ends")
        .asString().startsWith("4/4 sections ready (4 approved), 40 of 45 pages");
    assertThat(drafting.sections(proposal.getBusinessKey())).allMatch(DraftSection::approved)
        .allMatch(section -> "helmi".equals(section.reviewedBy()));
    Map<String, Object> row = jdbc.queryForMap("select sections_ready, sections_total, pages_written, page_limit, "
        + "budget_total, budget_requested, budget_regional, compliance_findings from proposal where reference = ?",
        proposal.getBusinessKey());
    // each partner: 400,000 personnel + 40,000 subcontracting + 40,000 other; indirect 25 % of 440,000 = 110,000
    assertThat(row).containsEntry("SECTIONS_READY", 4).containsEntry("SECTIONS_TOTAL", 4)
        .containsEntry("PAGES_WRITTEN", 40).containsEntry("PAGE_LIMIT", 45).containsEntry("COMPLIANCE_FINDINGS", 0);
    assertThat((BigDecimal) row.get("BUDGET_TOTAL")).isEqualByComparingTo("1770000.00");
    assertThat((BigDecimal) row.get("BUDGET_REQUESTED")).isEqualByComparingTo("1770000.00");
    assertThat((BigDecimal) row.get("BUDGET_REGIONAL")).as("Digipolis is in Lapland").isEqualByComparingTo("590000.00");
    assertThat(runtimeService.getVariable(proposal.getId(), "budgetSummary")).isEqualTo("Total 1,770,000.00 EUR "
        + "(direct 1,440,000.00 EUR, indirect 330,000.00 EUR); requested 1,770,000.00 EUR, of which to Lapland 590,000.00 EUR");
    assertThat(runtimeService.getVariable(proposal.getId(), "complianceFindings")).isEqualTo("No findings.");
    assertThat(runtimeService.getVariable(proposal.getId(), "proposalLead")).isEqualTo("aino");
  }

  @Test
  void aSectionSentBackTwiceReturnsToItsOwnerUntilApproved() {
    ProcessInstance proposal = proposalInDrafting();
    planWriting(proposal, "aino", "aino", "eero");
    prepareBudget(proposal, "aino", 400_000);
    writeSections(proposal, 10, true);

    reviewSections(proposal, "helmi", Map.of(IMPACT, "Say how the results reach Lapland's companies."));
    assertThat(sectionTasks(proposal)).singleElement().satisfies(task -> {
      assertThat(task.getName()).isEqualTo("Write section: 2. Impact");
      assertThat(task.getAssignee()).isEqualTo("eero");
      assertThat(taskService.getVariable(task.getId(), "sectionReviewComment"))
          .isEqualTo("Say how the results reach Lapland's companies.");
      assertThat(taskService.getVariable(task.getId(), "sectionDocumentUrl")).asString().endsWith("/impact");
    });
    writeSections(proposal, 10, true);
    Task secondReview = openTask(proposal, "Task_ReviewSections");
    assertThat(((SpinJsonNode) taskService.getVariable(secondReview.getId(), "sectionReviews")).elements())
        .as("only the revised section is reviewed again").extracting(r -> r.prop("section").stringValue())
        .containsExactly(IMPACT);
    reviewSections(proposal, "helmi", Map.of(IMPACT, "Still no numbers."));
    writeSections(proposal, 11, true);
    reviewSections(proposal, "helmi", Map.of());

    assertThat(proposal).isWaitingAt("Task_FinalApproval");
    DraftSection impact = drafting.section(proposal.getBusinessKey(), IMPACT);
    assertThat(impact.approved()).isTrue();
    assertThat(impact.revisionRounds()).isEqualTo(2);
    assertThat(impact.pages()).isEqualTo(11);
    assertThat(drafting.section(proposal.getBusinessKey(), EXCELLENCE).revisionRounds()).isZero();
  }

  @Test
  void aSectionPastItsDueDateRemindsItsOwnerAndEscalatesToTheLead() throws Exception {
    GreenMail smtp = TestSmtp.startWithEmptyOutbox(delivery);
    try {
      ProcessInstance proposal = proposalInDrafting();
      planWriting(proposal, "aino", "aino", "eero");
      DraftSection impact = drafting.section(proposal.getBusinessKey(), IMPACT);
      Job reminder = sectionTimer(proposal, "Event_SectionDueSoon", IMPACT);
      Job overdue = sectionTimer(proposal, "Event_SectionOverdue", IMPACT);
      assertThat(overdue.getDuedate().toInstant()).isEqualTo(impact.firstDraftDue());
      assertThat(reminder.getDuedate().toInstant()).isEqualTo(impact.firstDraftDue().minus(Duration.ofDays(3)));

      ClockUtil.setCurrentTime(reminder.getDuedate());
      managementService.executeJob(reminder.getId());
      ClockUtil.setCurrentTime(Date.from(impact.firstDraftDue().plus(Duration.ofHours(1))));
      managementService.executeJob(overdue.getId());
      delivery.deliverDue();

      assertThat(mails(smtp, "Section due")).singleElement().satisfies(mail -> {
        assertThat(mail.getAllRecipients()[0].toString()).startsWith("eero.");
        assertThat(mail.getSubject()).contains("2. Impact").contains(proposal.getBusinessKey());
      });
      assertThat(mails(smtp, "Section overdue")).singleElement().satisfies(mail -> {
        assertThat(mail.getAllRecipients()[0].toString()).as("the lead").startsWith("aino.");
        assertThat(mail.getSubject()).isEqualTo("Section overdue: 2. Impact of " + proposal.getBusinessKey() + " CIRCTAIL");
        assertThat(mail.getContent().toString()).contains("Owner:    eero");
      });
      assertThat(runtimeService.getVariable(calledProcessInstance("proposal-drafting", proposal).getId(), DraftingStatus.VARIABLE)).asString()
          .contains("4 overdue");
      assertThat(jdbc.queryForObject("select sections_overdue from proposal where reference = ?", Integer.class,
          proposal.getBusinessKey())).isEqualTo(4);
      assertThat(sectionTasks(proposal)).as("the owner still writes").hasSize(4);
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aReviewerWhoOwnsASectionUnderReviewIsRefused() {
    ProcessInstance proposal = proposalInDrafting();
    planWriting(proposal, "aino", "aino", "eero");
    prepareBudget(proposal, "aino", 400_000);
    writeSections(proposal, 10, true);
    Task review = openTask(proposal, "Task_ReviewSections");

    assertThatThrownBy(() -> taskService.claim(review.getId(), "eero"))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessageContaining("eero wrote 2. Impact, Budget and administrative forms and cannot review it");
    authenticate("aino");
    assertThatThrownBy(() -> taskService.complete(review.getId(),
        DraftingAnswers.review(taskService.getVariable(review.getId(), "sectionReviews"), Map.of())))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("assignee: aino wrote");
    processEngine.getIdentityService().clearAuthentication();

    assertThat(openTask(proposal, "Task_ReviewSections").getAssignee()).isNull();
    assertThat(drafting.sections(proposal.getBusinessKey())).noneMatch(DraftSection::approved);
    reviewSections(proposal, "helmi", Map.of());
    assertThat(proposal).isWaitingAt("Task_FinalApproval");
  }

  @Test
  void complianceFindingsGoToTheLeadAndTheRepairIsCheckedAgain() {
    ProcessInstance proposal = proposalInDrafting();
    Task plan = openTask(proposal, "Task_PlanWriting");
    Map<String, Object> planned = new java.util.HashMap<>(DraftingAnswers.plan(
        taskService.getVariable(plan.getId(), "sectionPlan"), "https://docs.example.org/p", List.of("aino", "eero")));
    planned.put("contributionCap", 1_500_000);
    completeAs("aino", plan, planned);
    prepareBudget(proposal, "aino", 400_000);
    writeSections(proposal, 12, true);
    reviewSections(proposal, "helmi", Map.of());

    Task repair = openTask(proposal, "Task_RepairCompliance");
    assertThat(repair.getAssignee()).isEqualTo("aino");
    assertThat(taskService.getVariable(repair.getId(), "complianceFindings")).isEqualTo(
        "1. The sections have 48 pages; the limit is 45.\n"
            + "2. The requested contribution 1,770,000.00 EUR is above the cap of 1,500,000.00 EUR.");
    assertThat(record(proposal).stage().name()).isEqualTo("DRAFTING");

    completeAs("aino", repair, vars("sectionsToReopen", Spin.JSON("[\"impact\"]"), "reviseBudget", true,
        "repairNote", "Impact shortened, budget cut to the cap."));
    assertThat(sectionTasks(proposal)).extracting(Task::getAssignee).containsExactly("eero");
    prepareBudget(proposal, "aino", 300_000);
    writeSections(proposal, 9, true);
    reviewSections(proposal, "helmi", Map.of());

    assertThat(proposal).isWaitingAt("Task_FinalApproval");
    assertThat(runtimeService.getVariable(proposal.getId(), "complianceFindings")).isEqualTo("No findings.");
  }

  @Test
  void aResubmissionStartsFromThePreviousSectionsBudgetAndTheEvaluatorsFeedback() {
    ProcessInstance proposal = proposalInDrafting();
    draftAndReview(proposal);
    complete(proposal, "Task_FinalApproval", "helmi", "approvalDecision", "approve");
    complete(proposal, "Task_SubmitToFunder", "aino", "submissionId", "SEP-210000001",
        "submittedAt", formTime(OffsetDateTime.now(ZoneOffset.ofHours(2)).minusMinutes(5)), "requestedBudget", 2_200_000);
    complete(proposal, "Task_AwaitOutcome", "aino", "outcome", "rejected", "evaluationScores", "3.5 / 3.0 / 3.5",
        "evaluationFeedback", "2. Impact: the pathway to impact is vague.\nOverall the proposal is well written.");
    complete(proposal, "Task_DecideResubmission", "helmi", "resubmissionDecision", "resubmit",
        "newCallIdentifier", "HORIZON-CL4-2028-TWIN-01",
        "newCallDeadline", formTime(OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(200)));

    Task plan = openTask(proposal, "Task_PlanWriting");
    SpinJsonNode offered = (SpinJsonNode) taskService.getVariable(plan.getId(), "sectionPlan");
    assertThat(offered.elements()).extracting(row -> row.prop("owner").stringValue())
        .as("the previous owners").containsExactly("aino", "eero", "aino", "eero");
    completeAs("aino", plan, vars("sectionPlan", offered, "documentUrl", "https://docs.example.org/resubmission"));

    Task impact = sectionTasks(proposal).get(1);
    assertThat(taskService.getVariable(impact.getId(), "sectionDocumentUrl"))
        .isEqualTo("https://docs.example.org/" + proposal.getBusinessKey() + "/impact");
    assertThat(taskService.getVariable(impact.getId(), "sectionPages")).isEqualTo(10);
    assertThat(taskService.getVariable(impact.getId(), "sectionEvaluatorFeedback"))
        .isEqualTo("2. Impact: the pathway to impact is vague.\nOverall the proposal is well written.");
    assertThat(taskService.getVariable(sectionTasks(proposal).get(0).getId(), "sectionEvaluatorFeedback"))
        .as("general feedback reaches every section").isEqualTo("Overall the proposal is well written.");
    SpinJsonNode budget = (SpinJsonNode) taskService.getVariable(openTask(proposal, "Task_PrepareBudget").getId(),
        "budgetLines");
    assertThat(budget.elements()).hasSize(3).allSatisfy(line ->
        assertThat(line.prop("personnel").numberValue().longValue()).as("previous amounts").isEqualTo(500_000));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsHalfSaved() {
    ProcessInstance proposal = proposalInDrafting();
    Task plan = openTask(proposal, "Task_PlanWriting");
    Object offered = taskService.getVariable(plan.getId(), "sectionPlan");
    SpinJsonNode rows = copy(offered);
    rows.elements().forEach(row -> row.prop("owner", "aino"));
    String afterDeadline = callDeadlineDate(proposal).plusDays(1).toString();
    rows.elements().get(2).prop("finalDue", afterDeadline);
    assertRefused(plan, vars("sectionPlan", rows, "documentUrl", "https://docs.example.org/p"),
        "sectionPlan[3. Quality and efficiency of the implementation].finalDue", "is after the call deadline");
    assertRefused(plan, DraftingAnswers.plan(offered, "https://docs.example.org/p", List.of("helmi")),
        "sectionPlan[1. Excellence].owner", "'helmi' is not a writer of the cluster");
    assertRefused(plan, DraftingAnswers.plan(offered, "http://docs.example.org/p", List.of("aino")), "documentUrl",
        "https");
    assertThat(drafting.sections(proposal.getBusinessKey())).as("no section saved").isEmpty();

    planWriting(proposal, "aino", "aino", "eero");
    Task section = sectionTasks(proposal).get(0);
    assertRefused(section, DraftingAnswers.section("http://docs.example.org/x", 5, true), "sectionDocumentUrl", "https");
    assertRefused(section, DraftingAnswers.section("https://docs.example.org/x", -1, true), "sectionPages",
        "whole number from 0 to 500");
    assertThat(drafting.section(proposal.getBusinessKey(), EXCELLENCE).documentUrl()).isNull();

    Task budget = openTask(proposal, "Task_PrepareBudget");
    SpinJsonNode lines = copy(taskService.getVariable(budget.getId(), "budgetLines"));
    lines.elements().get(0).prop("personnel", -5000);
    assertRefused(budget, vars("budgetLines", lines), "budgetLines[Digipolis (FI)].personnel", "must not be negative");
    lines.elements().get(0).prop("personnel", 5000);
    lines.elements().get(1).prop("partner", "Unknown Institute (XX)");
    assertRefused(budget, vars("budgetLines", lines), "budgetLines[Unknown Institute (XX)].partner",
        "is not a confirmed partner");
    assertThat(drafting.budgetEntries(proposal.getBusinessKey())).as("no budget line saved").isEmpty();
    assertThat(openTask(proposal, "Task_PrepareBudget")).isNotNull();
  }

  @Test
  void tasklistsBudgetFormWithANegativeCostGetsA400NamingTheField() {
    ProcessInstance proposal = proposalInDrafting();
    planWriting(proposal, "aino", "aino", "eero");
    Task budget = openTask(proposal, "Task_PrepareBudget");
    SpinJsonNode lines = copy(taskService.getVariable(budget.getId(), "budgetLines"));
    lines.elements().get(2).prop("otherDirect", -1);

    ResponseEntity<Map> response = rest.withBasicAuth("aino", "aino").postForEntity(
        "/engine-rest/task/" + budget.getId() + "/submit-form",
        Map.of("variables", Map.of("budgetLines", Map.of("value", lines.toString(), "type", "Json"))), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").toString())
        .startsWith("budgetLines[Ruhr Process Engineering Institute (DE)].otherDirect: must not be negative");
    assertThat(drafting.budgetEntries(proposal.getBusinessKey())).isEmpty();
    assertThat(openTask(proposal, "Task_PrepareBudget")).isNotNull();
  }

  private void assertRefused(Task task, Map<String, Object> variables, String field, String message) {
    assertThatThrownBy(() -> completeAs(task.getAssignee() == null ? "aino" : task.getAssignee(), task, variables))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessageStartingWith(field + ": ").hasMessageContaining(message);
  }

  /** The rows a task offered, to change as a person would in the form. */
  private static SpinJsonNode copy(Object offered) {
    return Spin.JSON(offered.toString());
  }

  private Job sectionTimer(ProcessInstance proposal, String activityId, String sectionCode) {
    ProcessInstance draftingInstance = calledProcessInstance("proposal-drafting", proposal);
    return managementService.createJobQuery().processInstanceId(draftingInstance.getId()).activityId(activityId).list()
        .stream().filter(job -> sectionCode.equals(runtimeService.getVariable(job.getExecutionId(), "sectionCode")))
        .findFirst().orElseThrow();
  }

  private long daysLeft(ProcessInstance proposal) {
    return Duration.between(org.proposalflow.validation.Inputs.now(), record(proposal).callDeadline().toInstant()).toDays();
  }

  private static List<MimeMessage> mails(GreenMail smtp, String subjectStart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return mail.getSubject().startsWith(subjectStart);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The day of the call deadline in Lapland, as the forms and their checks count days (the record keeps UTC). */
  private LocalDate callDeadlineDate(ProcessInstance proposal) {
    return record(proposal).callDeadline().atZoneSameInstant(Inputs.PEOPLE_ZONE).toLocalDate();
  }
}
