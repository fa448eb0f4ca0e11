package org.proposalflow.proposal;

import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;

/**
 * A manager's action on a proposal from Tasklist (a small process with a start form naming the
 * proposal): sends the proposal's process the same message the REST API would. Process code runs
 * without the user's authorization checks, so the user's right to change that proposal is checked
 * here: without it, the proposal is as unknown to them as a wrong reference.
 */
final class ProposalMessages {

  static final String REFERENCE_FIELD = "proposalReference";

  private ProposalMessages() {
  }

  static void send(DelegateExecution execution, String message, Map<String, Object> variables) {
    String reference = Inputs.of(execution).text(REFERENCE_FIELD, 20).toUpperCase(Locale.ROOT);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    ProcessInstance proposal = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("proposal-lifecycle").processInstanceBusinessKey(reference).singleResult();
    if (proposal == null || !mayChange(engine, proposal)) {
      throw new InvalidInputException(REFERENCE_FIELD, "no open proposal of yours has the reference " + reference);
    }
    engine.getRuntimeService().createMessageCorrelation(message)
        .processInstanceId(proposal.getId())
        .setVariables(variables)
        .correlateWithResult();
  }

  /**
   * The user who started the action may update the proposal's process instance, as the REST API would
   * demand. Another cluster's proposal never gets here: the query above runs with the user's tenants,
   * which the engine checks in process code too.
   */
  private static boolean mayChange(ProcessEngineServices engine, ProcessInstance proposal) {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    if (user == null) {
      return true; // the application itself, not a person
    }
    return engine.getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
        Permissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, "proposal-lifecycle");
  }
}
