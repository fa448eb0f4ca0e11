package org.proposalflow.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalflow.notification.Notifier;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * Records the funder's evaluation result, whether a writer typed it into the task form or it
 * arrived as the {@code EvaluationOutcome} message.
 */
@Component("registerOutcome")
public class RegisterOutcome implements JavaDelegate {

  /** The reserve list is re-checked in the morning of the chosen day. */
  private static final LocalTime RECHECK_TIME = LocalTime.of(9, 0);

  private final ProposalRecords records;
  private final Notifier notifier;

  public RegisterOutcome(ProposalRecords records, Notifier notifier) {
    this.records = records;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Inputs in = Inputs.of(execution);
    switch (in.choice("outcome", "funded", "rejected", "reserve")) {
      case "funded" -> {
        BigDecimal granted = in.positiveEuros("grantedAmount");
        BigDecimal regional = in.euros("grantedRegionalShare");
        if (regional.compareTo(granted) > 0) {
          throw new InvalidInputException("grantedRegionalShare", "the regional share (" + regional.toPlainString()
              + " €) cannot exceed the granted amount (" + granted.toPlainString() + " €)");
        }
        records.recordFunded(reference, granted, regional);
        notifier.outcome(reference, "funded", granted, regional);
      }
      case "rejected" -> {
        String feedback = in.text("evaluationFeedback", 4000);
        records.recordRejected(reference, in.optionalText("evaluationScores", 500), feedback);
        notifier.outcome(reference, "rejected", feedback);
      }
      default -> {
        LocalDate recheck = in.futureDate("reserveRecheckDate");
        records.recordReserveList(reference);
        notifier.outcome(reference, "reserve", recheck.toString());
        execution.setVariable("reserveRecheckAt",
            Date.from(recheck.atTime(RECHECK_TIME).atZone(Inputs.PEOPLE_ZONE).toInstant()));
      }
    }
  }
}
