package org.proposalflow.consortium;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.proposalflow.notification.Notifier;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code partner-search} and of a partner dropping out, called from the BPMN as
 * {@code ${partnerSearch.choose(task)}} and alike: each reads the variables, calls the register,
 * the consortium table, the notifier or the aggregation, and writes the variables back.
 */
@Component("partnerSearch")
public class PartnerSearchSteps {

  /** The form fields of "Choose candidate partners", cleared when the task comes round again. */
  static final List<String> CHOICE_FIELDS = List.of("candidateAction", "coordinator", "beneficiaries",
      "affiliatedEntities", "associatedPartners", "responseDeadline", "newPartnerName", "newPartnerCountry",
      "newPartnerType", "newPartnerPic", "newPartnerContactPerson", "newPartnerContactEmail", "newPartnerRole");
  static final List<String> ANSWER_FIELDS = List.of("partnerAnswer", "commitmentLetter", "answerComment");
  static final List<String> DECISION_FIELDS = List.of("consortiumDecision", "newResponseDeadline",
      "consortiumDecisionComment");
  static final int DEFAULT_DAYS_BEFORE_CALL = 45;

  private final PartnerRegister register;
  private final ConsortiumPartners partners;
  private final AggregateConsortium aggregateConsortium;
  private final Notifier notifier;
  private final int reminderAfterDays;

  public PartnerSearchSteps(PartnerRegister register, ConsortiumPartners partners, AggregateConsortium aggregateConsortium,
      Notifier notifier, @Value("${proposal-flow.partners.reminder-after-days:7}") int reminderAfterDays) {
    this.register = register;
    this.partners = partners;
    this.aggregateConsortium = aggregateConsortium;
    this.notifier = notifier;
    this.reminderAfterDays = reminderAfterDays;
  }

  /** Start of "Choose candidate partners": an empty form, the register as options, the consortium so far. */
  public void offerRegister(DelegateExecution execution) {
    CHOICE_FIELDS.forEach(execution::removeVariable);
    StringBuilder options = new StringBuilder("[");
    for (PartnerOrganisation organisation : register.all()) {
      if (options.length() > 1) {
        options.append(',');
      }
      options.append("{\"label\":").append(json(organisation.label() + ", " + organisation.organisationType()))
          .append(",\"value\":").append(json(organisation.code())).append('}');
    }
    execution.setVariable("registerOptions", Spin.JSON(options.append(']').toString()));
    refresh(execution);
  }

  /** Completion of "Choose candidate partners": checks everything, then registers and invites; or asks the manager. */
  public void choose(DelegateTask task) {
    Inputs in = Inputs.of(task);
    String reference = task.getExecution().getProcessBusinessKey();
    String programme = (String) task.getVariable("programme");
    task.setVariable("actionType", ActionTypes.check("actionType", programme, (String) task.getVariable("actionType")));
    if (in.choice("candidateAction", "invite", "askManager").equals("askManager")) {
      return;
    }
    Date callDeadline = (Date) task.getVariable("callDeadline");
    Instant deadline = responseDeadline(in, task, callDeadline);

    Map<String, Candidate> chosen = new LinkedHashMap<>();
    String coordinatorCode = in.optionalText("coordinator", 60);
    if (coordinatorCode != null) {
      pick(chosen, reference, "coordinator", coordinatorCode, "coordinator");
    }
    for (String code : in.codes("beneficiaries")) {
      pick(chosen, reference, "beneficiaries", code, "beneficiary");
    }
    for (String code : in.codes("affiliatedEntities")) {
      pick(chosen, reference, "affiliatedEntities", code, "affiliated");
    }
    for (String code : in.codes("associatedPartners")) {
      pick(chosen, reference, "associatedPartners", code, "associated");
    }
    PartnerOrganisation added = null;
    if (in.optionalText("newPartnerName", 200) != null) {
      added = register.readNew(in, "newPartner");
      String role = in.choice("newPartnerRole", ConsortiumPartner.ROLES);
      chosen.put(added.code(), new Candidate(added, role, "newPartnerRole"));
    }
    if (chosen.isEmpty()) {
      throw new InvalidInputException("beneficiaries", "choose at least one partner to invite, or add a new one");
    }
    checkOneCoordinator(reference, chosen.values());

    if (added != null) {
      register.add(added);
    }
    List<String> ids = new ArrayList<>();
    for (Candidate candidate : chosen.values()) {
      ids.add(Long.toString(partners.invite(reference, candidate.organisation(), candidate.role(), deadline)));
    }
    task.setVariable("partnerResponseDeadline", Date.from(deadline));
    task.setVariable("invitedCandidates", String.join(",", ids));
    refresh(task.getExecution());
  }

  /** The multi-instance collection: the candidates invited in this round. */
  public List<String> invitations(DelegateExecution execution) {
    Object ids = execution.getVariable("invitedCandidates");
    return ids == null || ids.toString().isBlank() ? List.of() : Arrays.asList(ids.toString().split(","));
  }

  /** Start of one candidate's invitation: its name for the task, local to this candidate. */
  public void enterCandidate(DelegateExecution execution) {
    ConsortiumPartner partner = candidate(execution);
    execution.setVariableLocal("candidateName", partner.label());
    execution.setVariableLocal("candidateRole", partner.role());
  }

  /** The invitation e-mail to the partner's contact, recorded in the outbox (sent after the commit). */
  public void invite(DelegateExecution execution) {
    ConsortiumPartner partner = candidate(execution);
    notifier.partnerInvitation(execution.getProcessBusinessKey(), partner, contactPerson(partner),
        partner.responseDeadline().toInstant());
  }

  /** Creation of "Record the partner's answer": Tasklist shows whose answer it is. */
  public void nameAnswerTask(DelegateTask task) {
    task.setName("Record the answer of " + task.getVariable("candidateName"));
  }

  /** Completion of "Record the answer": confirmed with a commitment letter, or declined. */
  public void recordAnswer(DelegateTask task) {
    Inputs in = Inputs.of(task);
    String answer = in.choice("partnerAnswer", ConsortiumPartner.CONFIRMED, ConsortiumPartner.DECLINED);
    String letter = ConsortiumPartner.CONFIRMED.equals(answer) ? in.text("commitmentLetter", 200) : null;
    String comment = in.optionalText("answerComment", 1000);
    ConsortiumPartner partner = candidate(task.getExecution());
    if (!partner.pending()) {
      throw new InvalidInputException("partnerAnswer", partner.label() + " has already answered: " + partner.answer());
    }
    partners.answer(partner.id(), answer, letter, comment);
  }

  /** The response deadline passed without an answer. */
  public void markNoAnswer(DelegateExecution execution) {
    ConsortiumPartner partner = candidate(execution);
    if (partner.pending()) {
      partners.answer(partner.id(), ConsortiumPartner.NO_ANSWER, null, "no answer by the response deadline");
    }
  }

  /** No answer after some days: the writers and the partner's contact are reminded. */
  public void remind(DelegateExecution execution) {
    ConsortiumPartner partner = candidate(execution);
    if (partner.pending()) {
      notifier.partnerReminder(execution.getProcessBusinessKey(), partner, contactPerson(partner),
          partner.responseDeadline().toInstant());
    }
  }

  /** The delay of the no-answer reminder, an ISO 8601 duration (property proposal-flow.partners.reminder-after-days). */
  public String reminderDelay() {
    return Duration.ofDays(reminderAfterDays).toString();
  }

  /** Completion of the cluster manager's decision: extend (with a new deadline), continue anyway, or stop. */
  public void decide(DelegateTask task) {
    Inputs in = Inputs.of(task);
    String decision = in.choice("consortiumDecision", "extend", "continue", "stop");
    if (decision.equals("extend")) {
      Date callDeadline = (Date) task.getVariable("callDeadline");
      OffsetDateTime extended = in.futureDateTime("newResponseDeadline");
      if (extended.toInstant().isAfter(callDeadline.toInstant())) {
        throw new InvalidInputException("newResponseDeadline", "must not be after the call deadline "
            + callDeadline.toInstant().atZone(Inputs.PEOPLE_ZONE).toOffsetDateTime());
      }
      task.setVariable("partnerResponseDeadline", Date.from(extended.toInstant()));
    } else {
      in.text("consortiumDecisionComment", 2000);
    }
  }

  /** Start of the cluster manager's decision: an empty form. */
  public void offerDecision(DelegateExecution execution) {
    DECISION_FIELDS.forEach(execution::removeVariable);
  }

  /** Message "PartnerDroppedOut" during drafting: the partner ({@code droppedPartner}, a register code) leaves. */
  public void dropOut(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String code = in.text("droppedPartner", 60);
    String reason = in.optionalText("dropOutReason", 1000);
    PartnerOrganisation organisation = register.require("droppedPartner", code);
    ConsortiumPartner partner = partners.find(execution.getProcessBusinessKey(), organisation)
        .filter(ConsortiumPartner::confirmed)
        .orElseThrow(() -> new InvalidInputException("droppedPartner",
            organisation.label() + " is not a confirmed partner of this consortium"));
    partners.answer(partner.id(), ConsortiumPartner.WITHDRAWN, null, reason == null ? "dropped out" : reason);
    refresh(execution);
  }

  private void refresh(DelegateExecution execution) {
    aggregateConsortium.execute(execution);
  }

  private record Candidate(PartnerOrganisation organisation, String role, String field) {
  }

  private void pick(Map<String, Candidate> chosen, String reference, String field, String code, String role) {
    PartnerOrganisation organisation = register.require(field, code);
    if (chosen.containsKey(code)) {
      throw new InvalidInputException(field, organisation.label() + " is chosen twice; an organisation takes one role");
    }
    Optional<ConsortiumPartner> earlier = partners.find(reference, organisation);
    if (earlier.isPresent() && (earlier.get().pending() || earlier.get().confirmed())) {
      throw new InvalidInputException(field, organisation.label() + " is already in this consortium ("
          + earlier.get().role() + ", " + earlier.get().answer() + ")");
    }
    chosen.put(code, new Candidate(organisation, role, field));
  }

  private void checkOneCoordinator(String reference, Collection<Candidate> chosen) {
    List<Candidate> coordinators = chosen.stream().filter(c -> c.role().equals("coordinator")).toList();
    if (coordinators.size() > 1) {
      throw new InvalidInputException(coordinators.get(1).field(), "a consortium has one coordinator");
    }
    if (!coordinators.isEmpty()) {
      partners.of(reference).stream()
          .filter(p -> p.role().equals("coordinator") && (p.pending() || p.confirmed()))
          .findFirst().ifPresent(p -> {
            throw new InvalidInputException(coordinators.get(0).field(), p.label() + " is already the coordinator ("
                + p.answer() + "); a consortium has one coordinator");
          });
    }
  }

  private static Instant responseDeadline(Inputs in, VariableScope scope, Date callDeadline) {
    Instant call = callDeadline.toInstant();
    Instant deadline;
    if (in.optionalText("responseDeadline", 100) != null) {
      deadline = in.futureDateTime("responseDeadline").toInstant();
    } else if (scope.getVariable("partnerResponseDeadline") instanceof Date earlier && earlier.toInstant().isAfter(Inputs.now())) {
      deadline = earlier.toInstant();
    } else {
      deadline = call.minus(Duration.ofDays(DEFAULT_DAYS_BEFORE_CALL));
      if (!deadline.isAfter(Inputs.now())) {
        throw new InvalidInputException("responseDeadline", "is required: the default, " + DEFAULT_DAYS_BEFORE_CALL
            + " days before the call deadline (" + deadline.atZone(Inputs.PEOPLE_ZONE).toOffsetDateTime() + "), has passed");
      }
    }
    if (deadline.isAfter(call)) {
      throw new InvalidInputException("responseDeadline", "must not be after the call deadline "
          + call.atZone(Inputs.PEOPLE_ZONE).toOffsetDateTime());
    }
    return deadline;
  }

  private ConsortiumPartner candidate(VariableScope scope) {
    long id = Long.parseLong(scope.getVariable("candidateId").toString());
    return partners.find(id).orElseThrow(() -> new IllegalStateException("no candidate partner " + id));
  }

  private String contactPerson(ConsortiumPartner partner) {
    return partner.organisationCode() == null ? null
        : register.find(partner.organisationCode()).map(PartnerOrganisation::contactPerson).orElse(null);
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
