package org.proposalflow.proposal;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalflow.validation.Inputs;
import org.springframework.stereotype.Component;

/**
 * Checks a decision made in a user task before the process routes on it, e.g.
 * {@code ${decision.require(task, 'screeningDecision', 'go,rework,nogo', 'screeningComment', 'rework,nogo')}}:
 * the decision must be one of the options and a comment is required for the listed ones.
 * When the task comes round again, {@code ${decision.clear(execution, 'screeningDecision,screeningComment')}}
 * removes the last round's answers so the form does not offer them pre-filled.
 */
@Component("decision")
public class Decisions {

  public void require(DelegateTask task, String decisionVariable, String options, String commentVariable,
      String optionsNeedingComment) {
    Inputs in = Inputs.of(task);
    String decision = in.choice(decisionVariable, split(options));
    if (split(optionsNeedingComment).contains(decision)) {
      in.text(commentVariable, 4000);
    }
  }

  public void clear(DelegateExecution execution, String variables) {
    split(variables).forEach(execution::removeVariable);
  }

  private static List<String> split(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
