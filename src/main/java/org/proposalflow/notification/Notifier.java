package org.proposalflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.proposalflow.consortium.ConsortiumPartner;
import org.proposalflow.consortium.ConsortiumPartners;
import org.proposalflow.drafting.DraftSection;
import org.proposalflow.identity.ProposalGroups;
import org.proposalflow.notification.NotificationOutbox.NewNotification;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.Proposal;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Decides who gets which e-mail and records it in the outbox, inside the caller's transaction.
 * Nothing here talks to the mail server: {@link NotificationDelivery} does, afterwards.
 */
@Service
public class Notifier {

  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final NotificationOutbox outbox;
  private final NotificationTemplates templates;
  private final NotificationSettings settings;
  private final Recipients recipients;
  private final ProposalRecords proposals;
  private final ConsortiumPartners partners;
  private final CalendarInvites calendar;
  private final String baseUrl;

  public Notifier(NotificationOutbox outbox, NotificationTemplates templates, NotificationSettings settings,
      Recipients recipients, ProposalRecords proposals, ConsortiumPartners partners, CalendarInvites calendar,
      @Value("${proposal-flow.base-url}") String baseUrl) {
    this.outbox = outbox;
    this.templates = templates;
    this.settings = settings;
    this.recipients = recipients;
    this.proposals = proposals;
    this.partners = partners;
    this.calendar = calendar;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** Runs the work without recording e-mails on this thread: the demo loader replays history nobody needs mail about. */
  public static void quietly(Runnable work) {
    QUIET.set(true);
    try {
      work.run();
    } finally {
      QUIET.remove();
    }
  }

  /** What a task notification needs to know of the task, whichever API it came from. */
  public record TaskFacts(String id, String name, String reference, Date due, String assignee,
      Set<IdentityLink> candidates) {
  }

  /** A task waits: for its assignee, else for its candidate users and the members of its candidate groups. */
  public void taskWaiting(TaskFacts task) {
    Proposal proposal = proposalOf(task.reference());
    if (proposal == null) {
      return;
    }
    List<User> people;
    String why;
    if (task.assignee() != null) {
      people = recipients.of(List.of(task.assignee()), List.of());
      why = "why.assignee";
    } else {
      people = recipients.of(
          task.candidates().stream().map(IdentityLink::getUserId).filter(id -> id != null).toList(),
          task.candidates().stream().map(IdentityLink::getGroupId).filter(id -> id != null).toList());
      why = "why.candidate";
    }
    Map<String, NotificationSettings.Setting> chosen = settings.of(ids(people));
    List<NewNotification> mails = new ArrayList<>();
    for (User person : people) {
      NotificationSettings.Setting setting = chosen.get(person.getId());
      if (!setting.taskEmails()) {
        continue;
      }
      Map<String, String> values = taskValues(task, proposal, person);
      values.put("why", templates.phrase(why, setting.language()));
      mails.add(mail(NotificationKind.TASK_WAITING, proposal, task.id(), person, setting.language(), values, null));
    }
    recordAll(mails);
  }

  /** A task is past its due date: its cluster's managers hear of it. */
  public void taskOverdue(TaskFacts task) {
    Proposal proposal = proposalOf(task.reference());
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    List<User> managers = recipients.of(List.of(), List.of(cluster.managersGroup()));
    Map<String, NotificationSettings.Setting> chosen = settings.of(ids(managers));
    List<NewNotification> mails = new ArrayList<>();
    for (User manager : managers) {
      String language = chosen.get(manager.getId()).language();
      Map<String, String> values = taskValues(task, proposal, manager);
      values.put("assignee", task.assignee() == null ? templates.phrase("unassigned", language) : task.assignee());
      mails.add(mail(NotificationKind.TASK_OVERDUE, proposal, task.id(), manager, language, values, null));
    }
    recordAll(mails);
  }

  /** A reminder of the call deadline to the writing team and the cluster's managers, with the deadline as .ics. */
  public void deadlineReminder(String reference, int daysLeft) {
    Proposal proposal = proposalOf(reference);
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    String invite = calendar.deadline(proposal);
    List<User> people = recipients.of(List.of(), List.of(cluster.writersGroup(), cluster.managersGroup()));
    Map<String, NotificationSettings.Setting> chosen = settings.of(ids(people));
    List<NewNotification> mails = new ArrayList<>();
    for (User person : people) {
      String language = chosen.get(person.getId()).language();
      Map<String, String> values = proposalValues(proposal, person);
      values.put("daysLeft", Integer.toString(daysLeft));
      values.put("deadline", Inputs.PEOPLE_TIME.format(proposal.callDeadline()));
      values.put("stage", proposal.stage().name().toLowerCase().replace('_', ' '));
      values.put("openItems", openItems(proposal, language));
      mails.add(mail(NotificationKind.DEADLINE_REMINDER, proposal, null, person, language, values, invite));
    }
    recordAll(mails);
  }

  /** The funder's decision or a withdrawal: the team, the cluster's managers and the portfolio managers. */
  public void outcome(String reference, String outcome, Object... detailArguments) {
    Proposal proposal = proposalOf(reference);
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    List<String> groups = List.of(cluster.writersGroup(), cluster.managersGroup(), ProposalGroups.PORTFOLIO_MANAGERS);
    List<User> people = recipients.of(List.of(), groups);
    Map<String, NotificationSettings.Setting> chosen = settings.of(ids(people));
    List<NewNotification> mails = new ArrayList<>();
    for (User person : people) {
      String language = chosen.get(person.getId()).language();
      Map<String, String> values = proposalValues(proposal, person);
      values.put("outcomeText", templates.phrase("outcome." + outcome, language));
      values.put("details", templates.phrase("outcome.details." + outcome, language, detailArguments));
      mails.add(mail(NotificationKind.OUTCOME, proposal, null, person, language, values, null));
    }
    recordAll(mails);
  }

  /**
   * The weekly portfolio digest to one manager, in their language: the values (given a language) are
   * what {@code portfolio-digest.<language>.txt} shows.
   */
  public void portfolioDigest(String processInstanceId, User manager,
      java.util.function.Function<String, Map<String, String>> valuesInLanguage) {
    String language = settings.of(manager.getId()).language();
    Map<String, String> personal = new HashMap<>(valuesInLanguage.apply(language));
    personal.put("firstName", manager.getFirstName() == null ? manager.getId() : manager.getFirstName());
    personal.put("dashboardLink", baseUrl + "/camunda/app/cockpit/default/#/dashboard");
    recordAll(List.of(mail(NotificationKind.PORTFOLIO_DIGEST, null, processInstanceId, null, manager, language, personal,
        null)));
  }

  /** An invitation to join the consortium, to the partner's contact (not a user of the application), in English. */
  public void partnerInvitation(String reference, ConsortiumPartner partner, String contactPerson, Instant responseDeadline) {
    toPartner(NotificationKind.PARTNER_INVITATION, reference, partner, contactPerson, responseDeadline);
  }

  /**
   * No answer yet: a reminder to the partner's contact, and a note to the cluster's writers, who
   * record the answer.
   */
  public void partnerReminder(String reference, ConsortiumPartner partner, String contactPerson, Instant responseDeadline) {
    Proposal proposal = toPartner(NotificationKind.PARTNER_REMINDER, reference, partner, contactPerson, responseDeadline);
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    List<User> writers = recipients.of(List.of(), List.of(cluster.writersGroup()));
    Map<String, NotificationSettings.Setting> chosen = settings.of(ids(writers));
    List<NewNotification> mails = new ArrayList<>();
    for (User writer : writers) {
      String language = chosen.get(writer.getId()).language();
      Map<String, String> values = partnerValues(proposal, partner, contactPerson, responseDeadline);
      values.put("firstName", writer.getFirstName() == null ? writer.getId() : writer.getFirstName());
      mails.add(mail(NotificationKind.PARTNER_ANSWER_MISSING, proposal, null, writer, language, values, null));
    }
    recordAll(mails);
  }

  /** A section's due date comes near: a reminder to its owner. */
  public void sectionDueSoon(String reference, DraftSection section) {
    toSectionPeople(NotificationKind.SECTION_DUE_SOON, reference, section, section.owner());
  }

  /** A section is past its due date and not ready: the proposal lead hears of it. */
  public void sectionOverdue(String reference, DraftSection section, String lead) {
    toSectionPeople(NotificationKind.SECTION_OVERDUE, reference, section, lead);
  }

  private void toSectionPeople(NotificationKind kind, String reference, DraftSection section, String userId) {
    Proposal proposal = proposalOf(reference);
    if (proposal == null || userId == null) {
      return;
    }
    User person = recipients.user(userId);
    if (person != null) {
      String language = settings.of(person.getId()).language();
      Map<String, String> values = proposalValues(proposal, person);
      values.put("section", section.title());
      values.put("owner", section.owner());
      values.put("due", Inputs.PEOPLE_TIME.format(section.due()));
      values.put("callDeadline", Inputs.PEOPLE_TIME.format(proposal.callDeadline()));
      values.put("documentUrl", section.documentUrl() == null ? "-" : section.documentUrl());
      values.put("tasklistLink", baseUrl + "/camunda/app/tasklist/default/");
      recordAll(List.of(mail(kind, proposal, null, person, language, values, null)));
    }
  }

  private Proposal toPartner(NotificationKind kind, String reference, ConsortiumPartner partner, String contactPerson,
      Instant responseDeadline) {
    Proposal proposal = proposalOf(reference);
    if (proposal == null || QUIET.get()) {
      return proposal;
    }
    NotificationTemplates.Rendered mail = templates.render(kind, NotificationTemplates.DEFAULT_LANGUAGE,
        partnerValues(proposal, partner, contactPerson, responseDeadline));
    String email = partner.contactEmail();
    outbox.add(new NewNotification(kind, proposal.reference(), proposal.processInstanceId(), null,
        null, email, mail.language(), mail.subject(), mail.body(), null, mail.note(),
        email == null || !EMAIL.matcher(email).matches() ? "partner " + partner.label() + " has no valid e-mail address" : null),
        Inputs.now());
    return proposal;
  }

  private Map<String, String> partnerValues(Proposal proposal, ConsortiumPartner partner, String contactPerson,
      Instant responseDeadline) {
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    Map<String, String> values = new HashMap<>();
    values.put("contactPerson", contactPerson == null ? "colleague" : contactPerson);
    values.put("organisation", partner.label());
    values.put("role", partner.role());
    values.put("reference", proposal.reference());
    values.put("acronym", proposal.acronym());
    values.put("title", proposal.title());
    values.put("programme", programmeLabel(proposal.programme()));
    values.put("callIdentifier", proposal.callIdentifier());
    values.put("callDeadline", Inputs.PEOPLE_TIME.format(proposal.callDeadline()));
    values.put("responseDeadline", Inputs.PEOPLE_TIME.format(responseDeadline));
    values.put("cluster", cluster.englishName());
    return values;
  }

  private static String programmeLabel(String code) {
    return java.util.Arrays.stream(org.proposalflow.proposal.Programme.values()).filter(p -> p.code().equals(code))
        .map(org.proposalflow.proposal.Programme::label).findFirst().orElse(code);
  }

  private NewNotification mail(NotificationKind kind, Proposal proposal, String taskId, User person, String language,
      Map<String, String> values, String invite) {
    return mail(kind, proposal.reference(), proposal.processInstanceId(), taskId, person, language, values, invite);
  }

  private NewNotification mail(NotificationKind kind, String reference, String processInstanceId, String taskId,
      User person, String language, Map<String, String> values, String invite) {
    NotificationTemplates.Rendered mail = templates.render(kind, language, values);
    return new NewNotification(kind, reference, processInstanceId, taskId, person.getId(), person.getEmail(),
        mail.language(), mail.subject(), mail.body(), invite, mail.note(), undeliverableBecause(person));
  }

  /** One statement for all of an event's e-mails: the outbox is written inside the engine's transaction. */
  private void recordAll(List<NewNotification> mails) {
    if (!QUIET.get() && !mails.isEmpty()) {
      outbox.addAll(mails, Inputs.now());
    }
  }

  private static List<String> ids(List<User> people) {
    return people.stream().map(User::getId).toList();
  }

  private static String undeliverableBecause(User person) {
    String email = person.getEmail();
    if (email == null || email.isBlank()) {
      return "user " + person.getId() + " has no e-mail address";
    }
    if (!EMAIL.matcher(email).matches()) {
      return "user " + person.getId() + " has a malformed e-mail address: " + email;
    }
    return null;
  }

  private Map<String, String> taskValues(TaskFacts task, Proposal proposal, User person) {
    Map<String, String> values = proposalValues(proposal, person);
    values.put("taskName", task.name());
    values.put("due", task.due() == null ? "-" : Inputs.PEOPLE_TIME.format(task.due().toInstant()));
    values.put("taskLink", baseUrl + "/camunda/app/tasklist/default/#/?task=" + task.id());
    return values;
  }

  private static Map<String, String> proposalValues(Proposal proposal, User person) {
    Map<String, String> values = new HashMap<>();
    values.put("firstName", person.getFirstName() == null ? person.getId() : person.getFirstName());
    values.put("reference", proposal.reference());
    values.put("acronym", proposal.acronym());
    values.put("title", proposal.title());
    values.put("callIdentifier", proposal.callIdentifier());
    return values;
  }

  private String openItems(Proposal proposal, String language) {
    List<ConsortiumPartner> consortium = partners.of(proposal.reference());
    List<String> open = new ArrayList<>();
    if (consortium.isEmpty()) {
      open.add(templates.phrase("open.noPartners", language));
    } else {
      String pending = consortium.stream().filter(ConsortiumPartner::pending)
          .map(p -> p.organisation() + " (" + p.country() + ")").collect(Collectors.joining(", "));
      if (!pending.isEmpty()) {
        open.add(templates.phrase("open.pendingPartners", language, pending));
      }
    }
    open.add(proposal.documentUrl() == null ? templates.phrase("open.noDraft", language)
        : templates.phrase("open.draft", language, proposal.documentUrl()));
    return open.stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
  }

  private Proposal proposalOf(String reference) {
    return reference == null ? null : proposals.find(reference).orElse(null);
  }
}
