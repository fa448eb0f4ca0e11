package org.proposalflow.consortium;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * One round of "Record consortium partners": either adds the partner entered in the form, or
 * declares the consortium complete. The partner fields are cleared so the next round starts empty.
 */
@Component("recordPartner")
public class RecordPartner implements TaskListener {

  static final List<String> PARTNER_FIELDS = List.of("partnerOrganisation", "partnerCountry", "partnerType",
      "partnerRole", "partnerContactEmail", "partnerConfirmed");

  private final ConsortiumPartners partners;

  public RecordPartner(ConsortiumPartners partners) {
    this.partners = partners;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    Inputs in = Inputs.of(task);
    if (in.choice("partnerAction", "add", "complete").equals("add")) {
      ConsortiumPartner partner = new ConsortiumPartner(
          in.text("partnerOrganisation", 200),
          in.countryCode("partnerCountry"),
          in.choice("partnerType", ConsortiumPartner.TYPES),
          in.choice("partnerRole", ConsortiumPartner.ROLES),
          in.email("partnerContactEmail"),
          in.flag("partnerConfirmed"));
      if (partners.contains(reference, partner.organisation(), partner.country())) {
        throw new InvalidInputException("partnerOrganisation", partner.organisation() + " (" + partner.country()
            + ") is already in this consortium");
      }
      partners.add(reference, partner);
      PARTNER_FIELDS.forEach(task::removeVariable);
    } else if (partners.of(reference).isEmpty()) {
      throw new InvalidInputException("partnerAction", "record at least one partner before declaring the consortium complete");
    }
    task.setVariable("consortiumSummary", summary(partners.of(reference)));
  }

  static String summary(List<ConsortiumPartner> consortium) {
    long confirmed = consortium.stream().filter(ConsortiumPartner::confirmed).count();
    String members = consortium.stream()
        .map(p -> p.organisation() + " (" + p.country() + ", " + p.role() + (p.confirmed() ? ", confirmed" : ", not confirmed") + ")")
        .collect(Collectors.joining("; "));
    return consortium.size() + " partners, " + confirmed + " confirmed: " + members;
  }
}
