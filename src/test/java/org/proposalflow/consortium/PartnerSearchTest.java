package org.proposalflow.consortium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.notification.NotificationDelivery;
import org.proposalflow.notification.TestSmtp;
import org.proposalflow.proposal.ProposalStage;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code partner-search} driven through the deployed models: candidates from the register,
 * invitations and reminders on a real SMTP server, answers, the DMN check, the cluster manager's
 * decision and a partner dropping out during drafting.
 */
class PartnerSearchTest extends ProcessTestSupport {

  @Autowired
  private NotificationDelivery delivery;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private ConsortiumPartners partners;
  @Autowired
  private PartnerRegister register;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private org.springframework.boot.test.web.client.TestRestTemplate rest;

  private GreenMail smtp;

  @BeforeEach
  void startSmtp() throws Exception {
    smtp = TestSmtp.startWithEmptyOutbox(delivery);
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
    ClockUtil.reset();
  }

  private ProcessInstance screened() {
    ProcessInstance proposal = startIdea(validIdea());
    screenGo(proposal);
    return proposal;
  }

  @Test
  void allConfirmAndTheConsortiumGoesToDraftingFixed() throws Exception {
    ProcessInstance proposal = screened();
    Task choose = openTask(proposal, "Task_ChoosePartners");
    SpinJsonNode options = (SpinJsonNode) taskService.getVariable(choose.getId(), "registerOptions");
    assertThat(options.elements()).as("the register is offered in the form")
        .anySatisfy(o -> assertThat(o.prop("value").stringValue()).isEqualTo("GTK"));

    // as Tasklist submits a taglist: a Json array
    completeAs("aino", choose, vars("candidateAction", "invite", "coordinator", "DIGIPOLIS",
        "beneficiaries", Spin.JSON("[\"NORRBOTTEN-MINING-LAB\", \"RUHR-PROCESS-INSTITUTE\"]"),
        "associatedPartners", Spin.JSON("[\"WESTFJORDS-COAST\"]")));

    ProcessInstance search = partnerSearchOf(proposal);
    assertThat(search).isWaitingAt("Task_RecordAnswer");
    assertThat(taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey("Task_RecordAnswer")
        .list()).extracting(Task::getName).containsExactlyInAnyOrder("Record the answer of Digipolis (FI)",
            "Record the answer of Norrbotten Mining Lab (SE)", "Record the answer of Ruhr Process Engineering Institute (DE)",
            "Record the answer of Westfjords Coastal Communities (IS)");
    assertThat(answerTasksVisibleTo("eero", proposal)).as("the cluster's other writer").hasSize(4);
    assertThat(answerTasksVisibleTo("saara", proposal)).as("another cluster's writer").isEmpty();
    Date responseDeadline = (Date) runtimeService.getVariable(search.getId(), "partnerResponseDeadline");
    assertThat(responseDeadline.toInstant()).as("default: 45 days before the call deadline")
        .isEqualTo(record(proposal).callDeadline().toInstant().minus(Duration.ofDays(45)));
    assertThat(answerTask(proposal, "Digipolis (FI)").getDueDate()).isEqualTo(responseDeadline);

    delivery.deliverDue();
    MimeMessage invitation = mailTo("linnea@norrbotten-mining-lab.example", "Invitation to join the consortium of CIRCTAIL");
    assertThat(text(invitation)).contains("Dear Linnea Fjällström,")
        .contains("would like Norrbotten Mining Lab (SE) to join its consortium as beneficiary")
        .contains("Call:              HORIZON-CL4-2027-TWIN-01")
        .contains("Please answer by:  " + helsinki(responseDeadline.toInstant().atOffset(ZoneOffset.UTC)))
        .contains("Our reference: " + proposal.getBusinessKey());
    assertThat(recipientsOf("Task waiting: Record the answer of Digipolis (FI) for " + proposal.getBusinessKey()))
        .as("the writers hear whose answer waits").contains("aino.kivikaamos@proposalflow.example");
    assertThat(recipientsOf("Invitation to join")).containsExactlyInAnyOrder("ville.merikoski@proposalflow.example",
        "linnea@norrbotten-mining-lab.example", "jonas.bergmann@ruhr-process.example", "sigrun@westfjords-coast.example");

    confirm(proposal, "Digipolis (FI)");
    assertThat(runtimeService.getVariable(search.getId(), "consortiumSummary").toString())
        .as("aggregated after every answer").startsWith("4 partners, 1 confirmed, 0 declined, 3 pending");
    confirm(proposal, "Norrbotten Mining Lab (SE)");
    confirm(proposal, "Westfjords Coastal Communities (IS)");
    confirm(proposal, "Ruhr Process Engineering Institute (DE)");

    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("consortium-eligibility")
        .processInstanceId(search.getId()).count()).as("the DMN decided, visible in Cockpit").isOne();
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumEligible")).isEqualTo(true);
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumOutcome")).isEqualTo("eligible");
    assertThat(runtimeService.getVariable(proposal.getId(), "eligibilityReasons").toString())
        .startsWith("Horizon Europe collaborative action: beneficiaries in 3 different");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(search.getId())
        .variableName("consortiumStatus").count()).as("handed over once, never a variable of the search").isZero();
    SpinJsonNode status = (SpinJsonNode) runtimeService.getVariable(proposal.getId(), "consortiumStatus");
    assertThat(status.prop("confirmed").numberValue().intValue()).isEqualTo(4);
    assertThat(status.prop("countingEntities").numberValue().intValue()).as("the associated partner does not count").isEqualTo(3);
    assertThat(status.prop("coordinator").stringValue()).isEqualTo("Digipolis (FI)");
    Map<String, Object> row = jdbc.queryForMap("select * from consortium_status where reference = ?", proposal.getBusinessKey());
    // the row map is case-insensitive (H2 upper-cases column names, PostgreSQL lower-cases them)
    assertThat(row.get("confirmed_count")).isEqualTo(4);
    assertThat(row.get("counting_entities")).isEqualTo(3);
    assertThat(row.get("countries")).isEqualTo("DE,FI,SE");
    assertThat(row.get("member_state_countries")).isEqualTo(3);
    assertThat(row.get("coordinator")).isEqualTo("Digipolis (FI)");
    assertThat(row.get("eligible")).isEqualTo(true);
    assertThat(register.history("NORRBOTTEN-MINING-LAB")).anySatisfy(p -> {
      assertThat(p.reference()).isEqualTo(proposal.getBusinessKey());
      assertThat(p.answer()).isEqualTo("confirmed");
      assertThat(p.commitmentLetter()).isEqualTo("LoC Norrbotten Mining Lab (SE)");
    });
  }

  @Test
  void theRegisterAndEachOrganisationsHistoryAreReadableOverRestWithinTheCallersClusters() throws Exception {
    ProcessInstance industry = screened();
    chooseCandidates(industry, "beneficiaries", "WESTFJORDS-COAST");
    decline(industry, "Westfjords Coastal Communities (IS)");

    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    var list = rest.withBasicAuth("saara", "saara").getForEntity("/api/partners", String.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(list.getBody()).findValuesAsText("code")).contains("GTK", "DIGIPOLIS", "WESTFJORDS-COAST");

    var aino = json.readTree(rest.withBasicAuth("aino", "aino").getForEntity("/api/partners/WESTFJORDS-COAST", String.class).getBody());
    assertThat(aino.get("organisation").get("contactPerson").asText()).isEqualTo("Sigrún Hafsdóttir");
    assertThat(aino.get("history").findValuesAsText("reference")).contains(industry.getBusinessKey());
    assertThat(aino.get("history").findValuesAsText("answer")).contains("declined");
    var saara = json.readTree(rest.withBasicAuth("saara", "saara").getForEntity("/api/partners/WESTFJORDS-COAST", String.class).getBody());
    assertThat(saara.get("history").findValuesAsText("reference")).as("another cluster's proposal")
        .doesNotContain(industry.getBusinessKey());
    var marja = json.readTree(rest.withBasicAuth("marja", "marja").getForEntity("/api/partners/WESTFJORDS-COAST", String.class).getBody());
    assertThat(marja.get("history").findValuesAsText("reference")).contains(industry.getBusinessKey());

    assertThat(rest.withBasicAuth("aino", "aino").getForEntity("/api/partners/NOBODY", String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity("/api/partners", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void oneDeclinesAndAnotherIsInvited() {
    ProcessInstance proposal = screened();
    chooseCandidates(proposal, "coordinator", "DIGIPOLIS", "beneficiaries", "NORRBOTTEN-MINING-LAB,RUHR-PROCESS-INSTITUTE");
    confirm(proposal, "Digipolis (FI)");
    decline(proposal, "Norrbotten Mining Lab (SE)");
    confirm(proposal, "Ruhr Process Engineering Institute (DE)");

    assertThat(openTask(proposal, "Task_ChoosePartners")).as("not eligible, deadline ahead: invite more").isNotNull();
    assertThat(runtimeService.getVariable(partnerSearchOf(proposal).getId(), "eligibilityReasons")).isEqualTo(
        "needs 1 more beneficiary from another Member State or Associated Country: a Horizon Europe collaborative "
            + "action needs at least 3 different countries");
    assertThat(runtimeService.getVariable(partnerSearchOf(proposal).getId(), "consortiumSummary").toString())
        .startsWith("3 partners, 2 confirmed, 1 declined, 0 pending");

    Task again = openTask(proposal, "Task_ChoosePartners");
    assertThatThrownBy(() -> completeAs("aino", again, vars("candidateAction", "invite", "beneficiaries", "RUHR-PROCESS-INSTITUTE")))
        .as("a confirmed partner cannot be invited twice")
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("beneficiaries: Ruhr Process Engineering Institute (DE) is already in this consortium");
    chooseCandidates(proposal, "beneficiaries", "BALTIC-CIRCULAR");
    confirm(proposal, "Baltic Circular Materials (EE)");

    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    assertThat(partners.of(proposal.getBusinessKey())).extracting(ConsortiumPartner::organisationCode, ConsortiumPartner::answer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("DIGIPOLIS", "confirmed"),
            org.assertj.core.groups.Tuple.tuple("NORRBOTTEN-MINING-LAB", "declined"),
            org.assertj.core.groups.Tuple.tuple("RUHR-PROCESS-INSTITUTE", "confirmed"),
            org.assertj.core.groups.Tuple.tuple("BALTIC-CIRCULAR", "confirmed"));
  }

  @Test
  void withoutAnAnswerTheWriterAndPartnerAreRemindedAndAtTheDeadlineTheManagerDecides() throws Exception {
    ProcessInstance proposal = screened();
    chooseCandidates(proposal, "coordinator", "DIGIPOLIS", "beneficiaries", "NORRBOTTEN-MINING-LAB,TROMSO-ARCTIC-DESIGN");
    confirm(proposal, "Digipolis (FI)");
    confirm(proposal, "Norrbotten Mining Lab (SE)");
    ProcessInstance search = partnerSearchOf(proposal);
    delivery.deliverDue();
    smtp.purgeEmailFromAllMailboxes();

    Job reminder = timer(search, "Event_NoAnswerYet");
    assertThat(reminder.getDuedate().toInstant()).as("after the configured 7 days")
        .isCloseTo(Inputs.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    managementService.executeJob(reminder.getId());
    assertThat(answerTask(proposal, "Tromsø Arctic Design Studio (NO)")).as("still waiting for the answer").isNotNull();
    delivery.deliverDue();
    assertThat(text(mailTo("ola@arctic-design-studio.example", "Reminder: your answer on joining CIRCTAIL")))
        .contains("Dear Ola Nordlys,").contains("we have not yet received the answer of Tromsø Arctic Design Studio (NO)");
    assertThat(recipientsOf("No answer yet from Tromsø Arctic Design Studio (NO) for " + proposal.getBusinessKey()))
        .containsExactlyInAnyOrder("aino.kivikaamos@proposalflow.example", "eero.rantalumi@proposalflow.example");

    Job deadline = timer(search, "Event_ResponseDeadlinePassed");
    ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(60)));
    managementService.executeJob(deadline.getId());

    assertThat(partners.of(proposal.getBusinessKey())).filteredOn(p -> p.organisationCode().equals("TROMSO-ARCTIC-DESIGN"))
        .singleElement().extracting(ConsortiumPartner::answer).isEqualTo("no_answer");
    Task decide = openTask(proposal, "Task_DecideConsortium");
    assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting(IdentityLink::getGroupId).contains("industryManagers");
    assertThat(taskService.getVariable(decide.getId(), "eligibilityReasons").toString()).startsWith("needs 1 more beneficiary");
    assertThat(taskService.getVariable(decide.getId(), "consortiumSummary").toString())
        .startsWith("3 partners, 2 confirmed, 0 declined, 0 pending, 1 no answer");
  }

  @Test
  void theManagerExtendsTheDeadlineAndTheSearchGoesOn() {
    ProcessInstance proposal = atManagersDecision();
    Task decide = openTask(proposal, "Task_DecideConsortium");
    OffsetDateTime callDeadline = record(proposal).callDeadline();
    assertThatThrownBy(() -> completeAs("helmi", decide, vars("consortiumDecision", "extend",
        "newResponseDeadline", formTime(callDeadline.plusDays(1)))))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("newResponseDeadline: must not be after the call deadline");

    String extended = formTime(callDeadline.minusDays(20));
    complete(proposal, "Task_DecideConsortium", "helmi", "consortiumDecision", "extend", "newResponseDeadline", extended);
    assertThat(runtimeService.getVariable(partnerSearchOf(proposal).getId(), "partnerResponseDeadline"))
        .isEqualTo(Date.from(OffsetDateTime.parse(extended).toInstant()));
    chooseCandidates(proposal, "beneficiaries", "TROMSO-ARCTIC-DESIGN");
    assertThat(answerTask(proposal, "Tromsø Arctic Design Studio (NO)").getDueDate())
        .as("a partner without an answer may be invited again, until the new deadline")
        .isEqualTo(Date.from(OffsetDateTime.parse(extended).toInstant()));
    confirm(proposal, "Tromsø Arctic Design Studio (NO)");
    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
  }

  @Test
  void theManagerContinuesAnyway() {
    ProcessInstance proposal = atManagersDecision();
    Task decide = openTask(proposal, "Task_DecideConsortium");
    assertThatThrownBy(() -> completeAs("helmi", decide, vars("consortiumDecision", "continue")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith("consortiumDecisionComment:");
    complete(proposal, "Task_DecideConsortium", "helmi", "consortiumDecision", "continue",
        "consortiumDecisionComment", "A third partner is promised after the summer.");
    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumOutcome")).isEqualTo("continuedAnyway");
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumEligible")).isEqualTo(false);
  }

  @Test
  void theManagerStopsAndTheProposalIsDeclinedForLackOfAConsortium() {
    ProcessInstance proposal = atManagersDecision();
    complete(proposal, "Task_DecideConsortium", "helmi", "consortiumDecision", "stop",
        "consortiumDecisionComment", "No Member State partner is interested.");
    assertThat(proposal).isEnded().hasPassed("EndEvent_DeclinedNoConsortium");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.DECLINED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(proposal.getId())
        .variableName("declinedReason").singleResult().getValue()).isEqualTo("no consortium");
  }

  @Test
  void theWriterAsksTheManagerWhenThereIsNobodyLeftToAsk() {
    ProcessInstance proposal = screened();
    chooseCandidates(proposal, "candidateAction", "askManager");
    assertThat(openTask(proposal, "Task_DecideConsortium")).isNotNull();
  }

  @Test
  void aPartnerDroppingOutDuringDraftingReRunsTheCheck() {
    ProcessInstance proposal = proposalInDrafting();
    runtimeService.createMessageCorrelation("PartnerDroppedOut").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariable("droppedPartner", "RUHR-PROCESS-INSTITUTE").setVariable("dropOutReason", "Lost its funding.")
        .correlate();

    assertThat(proposal).hasPassed("Task_RecheckEligibility").isWaitingAt("CallActivity_Drafting", "CallActivity_RebuildConsortium");
    assertThat(openTask(proposal, "Task_PlanWriting")).as("drafting goes on").isNotNull();
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumEligible")).isEqualTo(false);
    assertThat(partners.of(proposal.getBusinessKey())).filteredOn(p -> p.organisationCode().equals("RUHR-PROCESS-INSTITUTE"))
        .singleElement().extracting(ConsortiumPartner::answer).isEqualTo("withdrawn");

    chooseCandidates(proposal, "beneficiaries", "GDANSK-MARITIME-UNI");
    confirm(proposal, "Gdańsk Maritime University (PL)");
    assertThat(proposal).hasPassed("EndEvent_ConsortiumRebuilt").isWaitingAt("CallActivity_Drafting");
    assertThat(runtimeService.getVariable(proposal.getId(), "consortiumEligible")).isEqualTo(true);
    SpinJsonNode rebuilt = (SpinJsonNode) runtimeService.getVariable(proposal.getId(), "consortiumStatus");
    assertThat(rebuilt.prop("droppedOut").numberValue().intValue()).as("the rebuilt consortium handed over").isOne();
    draftAndReview(proposal);
    assertThat(proposal).isWaitingAt("Task_FinalApproval");
  }

  @Test
  void aDropOutThatLeavesTheConsortiumEligibleChangesNothingElse() {
    ProcessInstance proposal = screened();
    chooseCandidates(proposal, "coordinator", "DIGIPOLIS",
        "beneficiaries", "NORRBOTTEN-MINING-LAB,RUHR-PROCESS-INSTITUTE,BALTIC-CIRCULAR");
    confirm(proposal, "Digipolis (FI)");
    confirm(proposal, "Norrbotten Mining Lab (SE)");
    confirm(proposal, "Ruhr Process Engineering Institute (DE)");
    confirm(proposal, "Baltic Circular Materials (EE)");
    runtimeService.createMessageCorrelation("PartnerDroppedOut").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariable("droppedPartner", "BALTIC-CIRCULAR").correlate();
    assertThat(proposal).hasPassed("EndEvent_StillEligible").isWaitingAt("CallActivity_Drafting");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("partner-search")
        .processInstanceBusinessKey(proposal.getBusinessKey()).count()).isZero();
  }

  @Test
  void aDropOutThatCannotBeReplacedEndsTheProposal() {
    ProcessInstance proposal = proposalInDrafting();
    runtimeService.createMessageCorrelation("PartnerDroppedOut").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariable("droppedPartner", "NORRBOTTEN-MINING-LAB").correlate();
    chooseCandidates(proposal, "candidateAction", "askManager");
    complete(proposal, "Task_DecideConsortium", "helmi", "consortiumDecision", "stop",
        "consortiumDecisionComment", "Nobody can replace them before the deadline.");
    assertThat(proposal).isEnded().hasPassed("EndEvent_NoConsortiumInDrafting");
    assertThat(record(proposal).stage()).isEqualTo(ProposalStage.DECLINED);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey()).count())
        .as("drafting ended too").isZero();
  }

  @Test
  void aDropOutOfAnOrganisationThatIsNotAConfirmedPartnerIsRefused() {
    ProcessInstance proposal = proposalInDrafting();
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation("PartnerDroppedOut")
        .processInstanceBusinessKey(proposal.getBusinessKey()).setVariable("droppedPartner", "GTK").correlate())
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessage("droppedPartner: Geological Survey of Finland (GTK) (FI) is not a confirmed partner of this consortium");
    assertThat(proposal).isWaitingAt("CallActivity_Drafting");
  }

  @Test
  void aNewOrganisationIsRegisteredAndInvited() throws Exception {
    ProcessInstance proposal = screened();
    String name = "Oulu Snow Robotics " + UUID.randomUUID().toString().substring(0, 8);
    String pic = uniquePic();
    chooseCandidates(proposal, "coordinator", "DIGIPOLIS", "newPartnerName", name, "newPartnerCountry", "se",
        "newPartnerType", "sme", "newPartnerPic", pic, "newPartnerContactPerson", "Saga Snölund",
        "newPartnerContactEmail", "saga@snow-robotics.example", "newPartnerRole", "beneficiary");

    PartnerOrganisation added = register.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    assertThat(added.country()).isEqualTo("SE");
    assertThat(added.pic()).isEqualTo(pic);
    assertThat(added.code()).startsWith("OULU-SNOW-ROBOTICS-").endsWith("-SE");
    assertThat(answerTask(proposal, name + " (SE)")).isNotNull();
    delivery.deliverDue();
    assertThat(text(mailTo("saga@snow-robotics.example", "Invitation to join"))).contains("Dear Saga Snölund,");
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsHalfSaved() {
    ProcessInstance proposal = screened();
    Task choose = openTask(proposal, "Task_ChoosePartners");
    int organisations = register.all().size();
    String newName = "Kiruna Ice Lab " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> newPartner = vars("candidateAction", "invite", "beneficiaries", "GTK",
        "newPartnerName", newName, "newPartnerCountry", "SE", "newPartnerType", "research",
        "newPartnerContactPerson", "Elsa Isfjällsdotter", "newPartnerContactEmail", "elsa@kiruna-ice.example",
        "newPartnerRole", "beneficiary");

    refused(choose, with(newPartner, "newPartnerCountry", "XX"), "newPartnerCountry: 'XX' is not an ISO 3166 country code");
    refused(choose, with(newPartner, "newPartnerPic", "12345"), "newPartnerPic: '12345' is not a PIC");
    refused(choose, with(newPartner, "newPartnerPic", "99900001A"), "newPartnerPic:");
    refused(choose, with(newPartner, "newPartnerContactEmail", "elsa-at-kiruna"), "newPartnerContactEmail: 'elsa-at-kiruna' is not an e-mail address");
    refused(choose, with(newPartner, "newPartnerName", "  norrbotten   MINING lab ", "newPartnerCountry", "se"),
        "newPartnerName: norrbotten   MINING lab (SE) is already in the partner register as NORRBOTTEN-MINING-LAB");
    refused(choose, with(newPartner, "newPartnerPic", "999000022"),
        "newPartnerPic: PIC 999000022 is already registered for Tromsø Arctic Design Studio (NO)");
    refused(choose, with(newPartner, "newPartnerRole", "sponsor"), "newPartnerRole: 'sponsor' is not one of");
    refused(choose, with(newPartner, "responseDeadline", formTime(record(proposal).callDeadline().plusHours(1))),
        "responseDeadline: must not be after the call deadline");
    refused(choose, with(newPartner, "responseDeadline", "next week"), "responseDeadline: 'next week' is not a date and time");
    refused(choose, with(newPartner, "beneficiaries", "GTK,LUKE,GTK"), "beneficiaries: Geological Survey of Finland (GTK) (FI) is chosen twice");
    refused(choose, with(newPartner, "coordinator", "GTK"), "beneficiaries: Geological Survey of Finland (GTK) (FI) is chosen twice");
    refused(choose, with(newPartner, "beneficiaries", "NO-SUCH-ORG"), "beneficiaries: 'NO-SUCH-ORG' is not an organisation of the partner register");
    refused(choose, with(newPartner, "coordinator", "DIGIPOLIS", "newPartnerRole", "coordinator"), "newPartnerRole: a consortium has one coordinator");
    refused(choose, with(newPartner, "actionType", "standard"), "actionType: 'standard' is not an action type of horizonEurope");
    refused(choose, vars("candidateAction", "invite"), "beneficiaries: choose at least one partner to invite");

    assertThat(register.all()).as("nothing half saved").hasSize(organisations);
    assertThat(partners.of(proposal.getBusinessKey())).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from notification where reference = ? and kind = 'PARTNER_INVITATION'",
        Integer.class, proposal.getBusinessKey())).isZero();

    completeAs("aino", choose, newPartner);
    assertThat(partners.of(proposal.getBusinessKey())).extracting(ConsortiumPartner::organisation)
        .containsExactly("Geological Survey of Finland (GTK)", newName);
  }

  @Test
  void anAnswerNeedsAChoiceAndAConfirmationItsCommitmentLetter() {
    ProcessInstance proposal = screened();
    chooseCandidates(proposal, "beneficiaries", "LUKE");
    Task answer = answerTask(proposal, "Natural Resources Institute Finland (Luke) (FI)");
    refused(answer, vars("partnerAnswer", "maybe"), "partnerAnswer: 'maybe' is not one of confirmed, declined");
    refused(answer, vars("partnerAnswer", "confirmed"), "commitmentLetter: is required");
    assertThat(partners.of(proposal.getBusinessKey())).singleElement().extracting(ConsortiumPartner::answer)
        .isEqualTo("invited");
    completeAs("aino", answer, vars("partnerAnswer", "confirmed", "commitmentLetter", "LUKE-LoC-2027-04"));
    assertThat(partners.of(proposal.getBusinessKey())).singleElement().satisfies(p -> {
      assertThat(p.answer()).isEqualTo("confirmed");
      assertThat(p.commitmentLetter()).isEqualTo("LUKE-LoC-2027-04");
    });
    assertThat(runtimeService.getVariables(partnerSearchOf(proposal).getId()))
        .as("answers stay with their candidate").doesNotContainKeys("partnerAnswer", "commitmentLetter");
  }

  @Test
  void theDefaultResponseDeadlineMustStillBeAhead() {
    Map<String, Object> idea = validIdea();
    idea.put("callDeadline", formTime(Inputs.now().atOffset(ZoneOffset.ofHours(2)).plusDays(30)));
    ProcessInstance proposal = startIdea(idea);
    screenGo(proposal);
    Task choose = openTask(proposal, "Task_ChoosePartners");
    refused(choose, vars("candidateAction", "invite", "beneficiaries", "GTK"),
        "responseDeadline: is required: the default, 45 days before the call deadline");
    chooseCandidates(proposal, "beneficiaries", "GTK",
        "responseDeadline", formTime(Inputs.now().atOffset(ZoneOffset.ofHours(2)).plusDays(10)));
    assertThat(answerTask(proposal, "Geological Survey of Finland (GTK) (FI)")).isNotNull();
  }

  // helpers

  private ProcessInstance atManagersDecision() {
    ProcessInstance proposal = screened();
    chooseCandidates(proposal, "coordinator", "DIGIPOLIS", "beneficiaries", "NORRBOTTEN-MINING-LAB,TROMSO-ARCTIC-DESIGN");
    confirm(proposal, "Digipolis (FI)");
    confirm(proposal, "Norrbotten Mining Lab (SE)");
    Job deadline = timer(partnerSearchOf(proposal), "Event_ResponseDeadlinePassed");
    ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(60)));
    managementService.executeJob(deadline.getId());
    ClockUtil.reset();
    assertThat(openTask(proposal, "Task_DecideConsortium")).isNotNull();
    return proposal;
  }

  private void refused(Task task, Map<String, Object> variables, String message) {
    assertThatThrownBy(() -> completeAs("aino", task, variables)).as(message)
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageStartingWith(message);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    authenticate("aino");
    try {
      taskService.setAssignee(task.getId(), null);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private List<Task> answerTasksVisibleTo(String userId, ProcessInstance proposal) {
    authenticate(userId);
    try {
      return taskService.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
          .taskDefinitionKey("Task_RecordAnswer").list();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> copy = new java.util.HashMap<>(base);
    copy.putAll(vars(keyValues));
    return copy;
  }

  private ProcessInstance partnerSearchOf(ProcessInstance proposal) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("partner-search")
        .processInstanceBusinessKey(proposal.getBusinessKey()).singleResult();
  }

  private Job timer(ProcessInstance search, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(search.getId()).activityId(activityId).list();
    assertThat(jobs).as("timer %s", activityId).hasSize(1);
    return jobs.get(0);
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
  }

  private String uniquePic() {
    return String.format("%09d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
  }

  private static String helsinki(OffsetDateTime time) {
    return java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(Inputs.PEOPLE_ZONE).format(time);
  }

  private MimeMessage mailTo(String address, String subjectPart) throws Exception {
    List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessagesForDomain(address))
        .filter(mail -> subject(mail).contains(subjectPart)).toList();
    assertThat(found).as("mail '%s' to %s", subjectPart, address).hasSize(1);
    return found.get(0);
  }

  private List<String> recipientsOf(String subjectPart) throws Exception {
    List<String> to = new java.util.ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      if (subject(mail).contains(subjectPart)) {
        to.add(mail.getAllRecipients()[0].toString());
      }
    }
    return to;
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String plain) {
      return plain;
    }
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).isMimeType("text/plain")) {
        return parts.getBodyPart(i).getContent().toString();
      }
    }
    throw new IllegalStateException("no text part");
  }
}
