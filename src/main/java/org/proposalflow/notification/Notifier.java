package org.proposalflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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
    toEach(people, (person, setting) -> {
      if (!setting.taskEmails()) {
        return null;
      }
      Map<String, String> values = taskValues(task, proposal, person);
      values.put("why", templates.phrase(why, setting.language()));
      return mail(NotificationKind.TASK_WAITING, proposal, task.id(), person, setting.language(), values, null);
    });
  }

  /** A task is past its due date: its cluster's managers hear of it. */
  public void taskOverdue(TaskFacts task) {
    Proposal proposal = proposalOf(task.reference());
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    toEach(recipients.of(List.of(), List.of(cluster.managersGroup())), (manager, setting) -> {
      Map<String, String> values = taskValues(task, proposal, manager);
      values.put("assignee", task.assignee() == null ? templates.phrase("unassigned", setting.language())
          : task.assignee());
      return mail(NotificationKind.TASK_OVERDUE, proposal, task.id(), manager, setting.language(), values, null);
    });
  }

  /** A reminder of the call deadline to the writing team and the cluster's managers, with the deadline as .ics. */
  public void deadlineReminder(String reference, int daysLeft) {
    Proposal proposal = proposalOf(reference);
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    String invite = calendar.deadline(proposal);
    toEach(recipients.of(List.of(), List.of(cluster.writersGroup(), cluster.managersGroup())), (person, setting) -> {
      Map<String, String> values = proposalValues(proposal, person);
      values.put("daysLeft", Integer.toString(daysLeft));
      values.put("deadline", Inputs.PEOPLE_TIME.format(proposal.callDeadline()));
      values.put("stage", proposal.stage().name().toLowerCase().replace('_', ' '));
      values.put("openItems", openItems(proposal, setting.language()));
      return mail(NotificationKind.DEADLINE_REMINDER, proposal, null, person, setting.language(), values, invite);
    });
  }

  /** The funder's decision or a withdrawal: the team, the cluster's managers and the portfolio managers. */
  public void outcome(String reference, String outcome, Object... detailArguments) {
    Proposal proposal = proposalOf(reference);
    if (proposal == null) {
      return;
    }
    Cluster cluster = Cluster.fromCode("cluster", proposal.cluster());
    List<String> groups = List.of(cluster.writersGroup(), cluster.managersGroup(), ProposalGroups.PORTFOLIO_MANAGERS);
    toEach(recipients.of(List.of(), groups), (person, setting) -> {
      Map<String, String> values = proposalValues(proposal, person);
      values.put("outcomeText", templates.phrase("outcome." + outcome, setting.language()));
      values.put("details", templates.phrase("outcome.details." + outcome, setting.language(), detailArguments));
      return mail(NotificationKind.OUTCOME, proposal, null, person, setting.language(), values, null);
    });
  }

  /**
   * The weekly portfolio digest to one manager, in their language: the values (given a language) are
   * what {@code portfolio-digest.<language>.txt} shows.
   */
  public void portfolioDigest(String processInstanceId, User manager,
      java.util.function.Function<String, Map<String, String>> valuesInLanguage) {
    toEach(List.of(manager), (person, setting) -> {
      Map<String, String> personal = new HashMap<>(valuesInLanguage.apply(setting.language()));
      personal.put("firstName", person.getFirstName() == null ? person.getId() : person.getFirstName());
      personal.put("dashboardLink", baseUrl + "/camunda/app/cockpit/default/#/dashboard");
      return mail(NotificationKind.PORTFOLIO_DIGEST, null, processInstanceId, null, person, setting.language(),
          personal, null);
    });
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
    toEach(recipients.of(List.of(), List.of(cluster.writersGroup())), (writer, setting) -> {
      Map<String, String> values = partnerValues(proposal, partner, contactPerson, responseDeadline);
      values.put("firstName", writer.getFirstName() == null ? writer.getId() : writer.getFirstName());
      return mail(NotificationKind.PARTNER_ANSWER_MISSING, proposal, null, writer, setting.language(), values, null);
    });
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
    toEach(recipients.of(List.of(userId), List.of()), (person, setting) -> {
      Map<String, String> values = proposalValues(proposal, person);
      values.put("section", section.title());
      values.put("owner", section.owner());
      values.put("due", Inputs.PEOPLE_TIME.format(section.due()));
      values.put("callDeadline", Inputs.PEOPLE_TIME.format(proposal.callDeadline()));
      values.put("documentUrl", section.documentUrl() == null ? "-" : section.documentUrl());
      values.put("tasklistLink", baseUrl + "/camunda/app/tasklist/default/");
      return mail(kind, proposal, null, person, setting.language(), values, null);
    });
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

  /**
   * One e-mail to each person, as {@code mailFor} writes it given their settings (null: none for
   * them). Their settings are read in one query and the e-mails recorded in one batch, inside the
   * engine's transaction.
   */
  private void toEach(List<User> people, BiFunction<User, NotificationSettings.Setting, NewNotification> mailFor) {
    if (QUIET.get() || people.isEmpty()) {
      return;
    }
    Map<String, NotificationSettings.Setting> chosen = settings.of(people.stream().map(User::getId).toList());
    List<NewNotification> mails = new ArrayList<>();
    for (User person : people) {
      NewNotification mail = mailFor.apply(person, chosen.get(person.getId()));
      if (mail != null) {
        mails.add(mail);
      }
    }
    if (!mails.isEmpty()) {
      outbox.addAll(mails, Inputs.now());
    }
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
