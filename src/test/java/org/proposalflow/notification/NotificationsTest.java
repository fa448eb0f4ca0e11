package org.proposalflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** E-mail notifications end to end, on a real SMTP server (GreenMail) inside the test. */
class NotificationsTest extends ProcessTestSupport {

  @Autowired
  private NotificationDelivery delivery;
  @Autowired
  private NotificationOutbox outbox;
  @Autowired
  private NotificationSettings settings;
  @Autowired
  private OverdueTasks overdueTasks;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private TestRestTemplate rest;

  private GreenMail smtp;

  @BeforeEach
  void startSmtpWithAnEmptyOutbox() throws Exception {
    smtp = TestSmtp.startWithEmptyOutbox(delivery);
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
    ClockUtil.reset();
    settings.save("aino", new NotificationSettings.Setting(true, "en"));
    settings.save("eero", new NotificationSettings.Setting(true, "en"));
  }

  @Test
  void aWaitingTaskIsMailedToTheClustersManagersWithALinkToTheTask() throws Exception {
    ProcessInstance proposal = startIdea(validIdea());
    Task screening = openTask(proposal, "Task_ScreenIdea");

    delivery.deliverDue();

    List<MimeMessage> mails = mailsAbout(proposal, "Task waiting");
    assertThat(recipients(mails)).containsExactly("helmi.jokivaara@proposalflow.example");
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("Task waiting: Screen idea for " + proposal.getBusinessKey() + " CIRCTAIL");
    assertThat(text(mail)).contains("Hello Helmi,")
        .contains("because you are in a group the task is offered to.")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + screening.getId())
        .contains("Due:");
  }

  @Test
  void writersGetTheirOwnLanguageAndOptOutIsRespected() throws Exception {
    settings.save("aino", new NotificationSettings.Setting(true, "fi"));
    settings.save("eero", new NotificationSettings.Setting(false, "en"));
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", "helmi", "screeningDecision", "go");

    delivery.deliverDue();

    List<MimeMessage> partnerTask = mailsAbout(proposal, "Choose candidate partners");
    assertThat(recipients(partnerTask)).containsExactly("aino.kivikaamos@proposalflow.example");
    assertThat(partnerTask.get(0).getSubject()).startsWith("Tehtävä odottaa: Choose candidate partners");
    assertThat(text(partnerTask.get(0))).contains("Hei Aino,");
  }

  @Test
  void assigningATaskToSomeoneElseMailsThemButClaimingItYourselfDoesNot() throws Exception {
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", "helmi", "screeningDecision", "go");
    Task partners = openTask(proposal, "Task_ChoosePartners");
    delivery.deliverDue();
    smtp.purgeEmailFromAllMailboxes();

    authenticate("aino");
    taskService.claim(partners.getId(), "aino");
    identityService.clearAuthentication();
    delivery.deliverDue();
    assertThat(mailsAbout(proposal, "Task waiting")).isEmpty();

    authenticate("helmi");
    taskService.setAssignee(partners.getId(), "eero");
    identityService.clearAuthentication();
    delivery.deliverDue();
    assertThat(recipients(mailsAbout(proposal, "Task waiting"))).containsExactly("eero.rantalumi@proposalflow.example");
  }

  @Test
  void theReminderPlanIsTimersFromTheDeadlineAndARemindersCarriesTheDeadlineAsIcs() throws Exception {
    OffsetDateTime deadline = OffsetDateTime.parse("2027-06-15T17:00+03:00");
    ClockUtil.setCurrentTime(Date.from(deadline.minusDays(60).toInstant()));
    Map<String, Object> idea = validIdea();
    idea.put("callDeadline", formTime(deadline));
    ProcessInstance proposal = startIdea(idea);

    // one reminder waits at a time, the next one after it has been sent
    assertThat(reminderDueDates(proposal)).as("Horizon Europe's plan starts at T-45").containsExactly(at(deadline, 45));
    ProcessInstance plan = reminderPlan(proposal);
    assertThat(plan.getTenantId()).as("the cluster's tenant").isEqualTo("industry");
    assertThat(runtimeService.getVariables(plan.getId())).containsOnly(
        Map.entry("callDeadline", Date.from(deadline.toInstant())), Map.entry("remindersAhead", "45,30,14,7,2,1"));
    for (int daysBefore : List.of(45, 30, 14)) {
      ClockUtil.setCurrentTime(Date.from(at(deadline, daysBefore)));
      managementService.executeJob(reminderJob(proposal, at(deadline, daysBefore)).getId());
    }
    assertThat(reminderDueDates(proposal)).as("then T-7, T-2, T-1").containsExactly(at(deadline, 7));
    delivery.deliverDue();

    List<MimeMessage> reminders = mailsAbout(proposal, "14 days to the call deadline");
    assertThat(recipients(reminders)).containsExactlyInAnyOrder("aino.kivikaamos@proposalflow.example",
        "eero.rantalumi@proposalflow.example", "helmi.jokivaara@proposalflow.example");
    assertThat(mailsAbout(proposal, "45 days to the call deadline")).hasSize(3);
    assertThat(mailsAbout(proposal, "30 days to the call deadline")).hasSize(3);
    MimeMessage reminder = reminders.get(0);
    assertThat(text(reminder)).contains("closes on 15.6.2027 17:00").contains("No consortium partners recorded yet.");
    String ics = calendarOf(reminder);
    assertThat(ics).contains("DTSTART;TZID=Europe/Helsinki:20270615T170000").contains("BEGIN:VTIMEZONE");
    VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
    DtStart<?> start = event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow();
    assertThat(start.getParameter(Parameter.TZID)).get().extracting(Parameter::getValue).isEqualTo("Europe/Helsinki");
    assertThat(((ZonedDateTime) start.getDate()).toInstant()).isEqualTo(deadline.toInstant());

    for (int daysBefore : List.of(7, 2, 1)) {
      ClockUtil.setCurrentTime(Date.from(at(deadline, daysBefore)));
      managementService.executeJob(reminderJob(proposal, at(deadline, daysBefore)).getId());
    }
    assertThat(reminderPlans(proposal).count()).as("all reminders sent, the plan ends").isZero();
    delivery.deliverDue();
    assertThat(mailsAbout(proposal, "1 days to the call deadline")).hasSize(3);
  }

  @Test
  void aMovedDeadlineReplansTheRemindersAndNoStaleOneFires() {
    OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(60).withSecond(0).withNano(0);
    Map<String, Object> idea = validIdea();
    idea.put("programme", "interregAurora");
    idea.put("callDeadline", formTime(deadline));
    ProcessInstance proposal = startIdea(idea);
    List<String> oldJobs = reminderJobs(proposal).stream().map(Job::getId).toList();
    assertThat(reminderDueDates(proposal)).as("Interreg Aurora's plan starts at T-30").containsExactly(at(deadline, 30));

    OffsetDateTime extended = deadline.plusDays(21);
    runtimeService.createMessageCorrelation("CallDeadlineChanged").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariable("newCallDeadline", formTime(extended)).correlate();

    assertThat(managementService.createJobQuery().jobIds(new java.util.HashSet<>(oldJobs)).count()).isZero();
    assertThat(reminderDueDates(proposal)).containsExactly(at(extended, 30));
    assertThat(record(proposal).callDeadline().toInstant()).isEqualTo(extended.toInstant());
    assertThat(runtimeService.getVariable(proposal.getId(), "callDeadline")).isEqualTo(Date.from(extended.toInstant()));
  }

  @Test
  void aProposalWithItsOwnPlanAndNoPlanLeftAfterWithdrawal() {
    Map<String, Object> idea = validIdea();
    idea.put("reminderDays", "10, 3");
    ProcessInstance proposal = startIdea(idea);
    assertThat(reminderDueDates(proposal)).containsExactly(record(proposal).callDeadline().toInstant()
        .minus(Duration.ofDays(10)));

    runtimeService.createMessageCorrelation("WithdrawProposal").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariable("withdrawReason", "No partners.").correlate();

    assertThat(reminderPlans(proposal).count()).isZero();
  }

  @Test
  void aProposalWhoseRemindersHaveAllPassedHasNoPlan() {
    Map<String, Object> idea = validIdea();
    idea.put("reminderDays", "1");
    idea.put("callDeadline", formTime(OffsetDateTime.now(ZoneOffset.ofHours(2)).plusHours(20).withSecond(0).withNano(0)));
    ProcessInstance proposal = startIdea(idea);

    assertThat(reminderPlans(proposal).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(DeadlineReminders.PROCESS)
        .processInstanceBusinessKey(proposal.getBusinessKey()).count()).as("none started either").isZero();
  }

  @Test
  void aPlanStartedByTheEarlierModelKeepsRemindingAfterTheUpgrade() throws Exception {
    OffsetDateTime deadline = OffsetDateTime.parse("2027-06-15T17:00+03:00");
    ClockUtil.setCurrentTime(Date.from(deadline.minusDays(20).toInstant()));
    ProcessInstance proposal = startIdea(validIdea());
    RepositoryService repository = processEngine.getRepositoryService();
    String earlierModel = repository.createDeployment().name("deadline reminders, the earlier model")
        .addClasspathResource("deadline-reminders-earlier-model.bpmn").deploy().getId();
    try {
      String definition = repository.createProcessDefinitionQuery().deploymentId(earlierModel).singleResult().getId();
      // the variables the earlier DeadlineReminders gave a plan
      ProcessInstance oldPlan = runtimeService.createProcessInstanceById(definition)
          .businessKey(proposal.getBusinessKey())
          .setVariable("reference", proposal.getBusinessKey()).setVariable("cluster", "industry")
          .setVariable("callDeadline", Date.from(deadline.toInstant())).setVariable("reminderDays", "14,7")
          .setVariable("remindersAhead", "14,7").execute();
      Job first = managementService.createJobQuery().processInstanceId(oldPlan.getId()).singleResult();
      assertThat(first.getDuedate().toInstant()).isEqualTo(at(deadline, 14));

      ClockUtil.setCurrentTime(Date.from(at(deadline, 14)));
      managementService.executeJob(first.getId());

      Job second = managementService.createJobQuery().processInstanceId(oldPlan.getId()).singleResult();
      assertThat(second.getDuedate().toInstant()).isEqualTo(at(deadline, 7));
      ClockUtil.setCurrentTime(Date.from(at(deadline, 7)));
      managementService.executeJob(second.getId());

      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(oldPlan.getId()).count()).isZero();
      delivery.deliverDue();
      assertThat(mailsAbout(proposal, "14 days to the call deadline")).hasSize(3);
      assertThat(mailsAbout(proposal, "7 days to the call deadline")).hasSize(3);
    } finally {
      repository.deleteDeployment(earlierModel, true);
    }
  }

  @Test
  void aBadReminderPlanIsRefusedNamingTheField() {
    Map<String, Object> idea = validIdea();
    idea.put("reminderDays", "two weeks");
    assertThatThrownBy(() -> startIdea(idea)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("reminderDays:");
  }

  @Test
  void aNodeBeingStoppedClaimsNoMoreMailsAndTheNextNodeSendsThemOnce() throws Exception {
    ProcessInstance proposal = startIdea(validIdea());
    delivery.stop();
    try {
      assertThat(delivery.deliverDue()).isZero();
      assertThat(smtp.getReceivedMessages()).isEmpty();
    } finally {
      delivery.start();
    }
    assertThat(pending(proposal)).isNotEmpty();

    delivery.deliverDue();

    assertThat(pending(proposal)).isEmpty();
    assertThat(recipients(mailsAbout(proposal, "Screen idea"))).containsExactly("helmi.jokivaara@proposalflow.example");
  }

  @Test
  void withTheMailServerDownWorkGoesOnAndEveryMailArrivesOnceItIsBack() throws Exception {
    smtp.stop();
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", "helmi", "screeningDecision", "go");
    assertThat(proposal).isWaitingAt("CallActivity_PartnerSearch");

    assertThat(delivery.deliverDue()).isZero();
    List<OutboxEntry> waiting = pending(proposal);
    assertThat(waiting).isNotEmpty().allSatisfy(entry -> {
      assertThat(entry.attempts()).isEqualTo(1);
      assertThat(entry.lastError()).isNotBlank();
      assertThat(entry.nextAttemptAt().toInstant()).isAfter(Inputs.now());
    });

    smtp = TestSmtp.start();
    assertThat(delivery.deliverDue()).as("not due again before the backoff").isZero();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
    delivery.deliverDue();

    assertThat(pending(proposal)).isEmpty();
    assertThat(mailsAbout(proposal, "")).hasSize(waiting.size());
    assertThat(recipients(mailsAbout(proposal, "Screen idea"))).containsExactly("helmi.jokivaara@proposalflow.example");
    assertThat(recipients(mailsAbout(proposal, "Choose candidate partners")))
        .containsExactlyInAnyOrder("aino.kivikaamos@proposalflow.example", "eero.rantalumi@proposalflow.example");
  }

  @Test
  void aStepThatRollsBackSendsNothing() {
    ProcessInstance proposal = startIdea(validIdea());
    Task screening = openTask(proposal, "Task_ScreenIdea");

    assertThatThrownBy(() -> completeAs("helmi", screening, vars("screeningDecision", "nogo")))
        .hasRootCauseInstanceOf(InvalidInputException.class);

    assertThat(outbox.forReference(proposal.getBusinessKey())).extracting(OutboxEntry::subject)
        .noneMatch(subject -> subject.contains("Choose candidate partners"))
        .noneMatch(subject -> subject.contains("Not funded"));
  }

  @Test
  void afterTheLastAttemptTheFailureIsAnIncidentInCockpitAndCanBeRetried() throws Exception {
    smtp.stop();
    ProcessInstance proposal = startIdea(validIdea());
    Instant now = Instant.now();
    for (int attempt = 1; attempt <= 3; attempt++) {
      ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(attempt))));
      delivery.deliverDue();
    }
    OutboxEntry failed = outbox.forReference(proposal.getBusinessKey()).get(0);
    assertThat(failed.status()).isEqualTo(OutboxEntry.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(proposal.getId())
        .incidentType(NotificationDelivery.INCIDENT_TYPE).singleResult().getIncidentMessage())
        .contains("helmi.jokivaara@proposalflow.example").contains("failed after 3 attempts");
    assertThat(rest.withBasicAuth("demo", "demo").getForObject("/api/notifications?status=FAILED", OutboxEntry[].class))
        .extracting(OutboxEntry::id).contains(failed.id());

    smtp = TestSmtp.start();
    ResponseEntity<Map> retry = rest.withBasicAuth("demo", "demo").postForEntity("/api/notifications/" + failed.id() + "/retry", null, Map.class);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(proposal.getId()).count()).isZero();
    delivery.deliverDue();
    assertThat(recipients(mailsAbout(proposal, "Screen idea"))).containsExactly("helmi.jokivaara@proposalflow.example");
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/notifications/" + failed.id() + "/retry", null, Map.class).getStatusCode())
        .as("only a failed notification can be retried").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aUserWithoutAnAddressIsVisibleAndDoesNotBlockTheOthers() throws Exception {
    User noAddress = identityService.newUser("nomail");
    noAddress.setFirstName("No");
    noAddress.setLastName("Address");
    identityService.saveUser(noAddress);
    identityService.createMembership("nomail", "rural" + "Managers");
    try {
      Map<String, Object> idea = validIdea();
      idea.put("cluster", "rural");
      ProcessInstance proposal = startIdea(idea);
      delivery.deliverDue();

      assertThat(outbox.forReference(proposal.getBusinessKey()))
          .filteredOn(entry -> "nomail".equals(entry.recipientUserId())).singleElement()
          .satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxEntry.FAILED);
            assertThat(entry.lastError()).isEqualTo("user nomail has no e-mail address");
          });
      assertThat(recipients(mailsAbout(proposal, "Screen idea"))).containsExactly("oskari.tunturila@proposalflow.example");
    } finally {
      identityService.deleteUser("nomail");
    }
  }

  @Test
  void anOverdueTaskEscalatesToTheClusterManagerOnce() throws Exception {
    ProcessInstance proposal = startIdea(validIdea());
    complete(proposal, "Task_ScreenIdea", "helmi", "screeningDecision", "go");
    Task partners = openTask(proposal, "Task_ChoosePartners");
    ClockUtil.setCurrentTime(Date.from(partners.getDueDate().toInstant().plus(Duration.ofHours(1))));

    assertThat(overdueTasks.escalate()).isPositive();
    assertThat(overdueTasks.escalate()).as("once").isZero();
    delivery.deliverDue();

    List<MimeMessage> overdue = mailsAbout(proposal, "Overdue: Choose candidate partners");
    assertThat(recipients(overdue)).containsExactly("helmi.jokivaara@proposalflow.example");
    assertThat(text(overdue.get(0))).contains("Assignee: nobody yet");
  }

  @Test
  void theOutcomeGoesToTheTeamTheClusterManagerAndThePortfolioManagers() throws Exception {
    ProcessInstance proposal = startIdea(validIdea());
    runtimeService.createMessageCorrelation("WithdrawProposal").processInstanceBusinessKey(proposal.getBusinessKey())
        .setVariable("withdrawReason", "The call was cancelled.").correlate();
    delivery.deliverDue();

    List<MimeMessage> outcome = mailsAbout(proposal, "Withdrawn");
    assertThat(recipients(outcome)).containsExactlyInAnyOrder("aino.kivikaamos@proposalflow.example",
        "eero.rantalumi@proposalflow.example", "helmi.jokivaara@proposalflow.example",
        "marja.tunturikoski@proposalflow.example", "antero.kairaniemi@proposalflow.example",
        "demo@proposalflow.example");
    assertThat(text(outcome.get(0))).contains("Reason: The call was cancelled.");
  }

  @Test
  void aManagerMovesTheDeadlineFromTasklistButNotAfterSubmission() {
    ProcessInstance proposal = startIdea(validIdea());
    OffsetDateTime extended = record(proposal).callDeadline().plusDays(30);

    authenticate("helmi");
    runtimeService.startProcessInstanceByKey("call-deadline-change", vars(
        "proposalReference", proposal.getBusinessKey(), "newCallDeadline", formTime(extended)));
    identityService.clearAuthentication();

    assertThat(record(proposal).callDeadline().toInstant()).isEqualTo(extended.withSecond(0).toInstant());
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("call-deadline-change", vars(
        "proposalReference", proposal.getBusinessKey(), "newCallDeadline", "2020-01-01T12:00+02:00")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("newCallDeadline:");
  }

  @Test
  void usersChooseTheirSettingsInTasklist() {
    authenticate("eero");
    runtimeService.startProcessInstanceByKey("notification-settings", vars("taskEmails", false, "language", "fi"));
    identityService.clearAuthentication();

    assertThat(settings.of("eero")).isEqualTo(new NotificationSettings.Setting(false, "fi"));
    assertThat(settings.of(List.of("eero", "aino"))).as("read at once, the default for who never chose")
        .containsOnly(entry("eero", new NotificationSettings.Setting(false, "fi")),
            entry("aino", new NotificationSettings.Setting(true, "en")));
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("notification-settings",
        vars("taskEmails", true, "language", "fi"))).hasMessageContaining("log in");
  }

  private List<OutboxEntry> pending(ProcessInstance proposal) {
    return outbox.forReference(proposal.getBusinessKey()).stream()
        .filter(entry -> OutboxEntry.PENDING.equals(entry.status())).toList();
  }

  private ProcessInstanceQuery reminderPlans(ProcessInstance proposal) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(DeadlineReminders.PROCESS)
        .processInstanceBusinessKey(proposal.getBusinessKey());
  }

  private ProcessInstance reminderPlan(ProcessInstance proposal) {
    return reminderPlans(proposal).singleResult();
  }

  private List<Job> reminderJobs(ProcessInstance proposal) {
    return managementService.createJobQuery().processInstanceId(reminderPlan(proposal).getId()).timers().list();
  }

  private List<Instant> reminderDueDates(ProcessInstance proposal) {
    return reminderJobs(proposal).stream().map(job -> job.getDuedate().toInstant()).toList();
  }

  private Job reminderJob(ProcessInstance proposal, Instant due) {
    return reminderJobs(proposal).stream().filter(job -> job.getDuedate().toInstant().equals(due)).findFirst()
        .orElseThrow();
  }

  private static Instant at(OffsetDateTime deadline, int daysBefore) {
    return deadline.toInstant().minus(Duration.ofDays(daysBefore));
  }

  private List<MimeMessage> mailsAbout(ProcessInstance proposal, String subjectPart) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> subject(mail).contains(proposal.getBusinessKey()) && subject(mail).contains(subjectPart))
        .toList();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(List<MimeMessage> mails) throws Exception {
    List<String> to = new java.util.ArrayList<>();
    for (MimeMessage mail : mails) {
      to.add(mail.getAllRecipients()[0].toString());
    }
    return to;
  }

  private static String text(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String plain) {
      return plain;
    }
    Multipart parts = (Multipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart nested) {
        for (int j = 0; j < nested.getCount(); j++) {
          if (nested.getBodyPart(j).isMimeType("text/plain")) {
            return nested.getBodyPart(j).getContent().toString();
          }
        }
      }
    }
    throw new AssertionError("no text part");
  }

  private static String calendarOf(MimeMessage mail) throws Exception {
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/calendar")) {
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no text/calendar attachment");
  }
}
