package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;

/**
 * The one short query gives the engine's own answer: for every demo user and the checks people's
 * work runs into (work on a task of their cluster or another's, start a proposal, read a model), the
 * lookup finds a grant exactly when the engine's full check (revokes left out, as there are none)
 * authorizes.
 */
class GrantLookupTest extends ProcessTestSupport {

  private record Case(String user, String check, boolean lookup, boolean engine) {
  }

  @Test
  void findsAGrantExactlyWhenTheEnginesFullCheckAuthorizes() {
    ProcessInstance industry = startIdea(validIdea());
    Map<String, Object> designIdea = validIdea();
    designIdea.put("cluster", "design");
    ProcessInstance design = startIdea(designIdea);
    Task industryScreening = openTask(industry, "Task_ScreenIdea");
    Task designScreening = openTask(design, "Task_ScreenIdea");
    String lifecycle = "proposal-lifecycle";
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    List<Case> cases = configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      List<Case> found = new ArrayList<>();
      // built inside a command: the builder asks the engine which permissions are in use
      Map<String, CompositePermissionCheck> checks = Map.of(
          "work on the industry screening", taskWork(industryScreening.getId(), lifecycle),
          "work on the design screening", taskWork(designScreening.getId(), lifecycle),
          "start a proposal", new PermissionCheckBuilder().disjunctive()
              .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, lifecycle, Permissions.CREATE_INSTANCE)
              .atomicCheckForResourceId(Resources.PROCESS_INSTANCE, null, Permissions.CREATE).build(),
          "read the lifecycle model", single(Resources.PROCESS_DEFINITION, lifecycle, Permissions.READ),
          "delete the design proposal", single(Resources.PROCESS_INSTANCE, design.getId(), Permissions.DELETE),
          "administer users", single(Resources.USER, "*", Permissions.CREATE));
      AuthorizationManager engine = new AuthorizationManager();
      for (User user : processEngine.getIdentityService().createUserQuery().list()) {
        Authentication login = loggedIn(processEngine.getIdentityService(), user.getId());
        checks.forEach((name, check) -> found.add(new Case(user.getId(), name,
            GrantLookup.granted(commandContext.getDbSqlSession().getSqlSession().getConnection(), "",
                user.getId(), login.getGroupIds(), check),
            engine.isAuthorized(user.getId(), login.getGroupIds(), check))));
      }
      return found;
    });

    assertThat(cases).allSatisfy(c -> assertThat(c.lookup()).as("%s: %s", c.user(), c.check()).isEqualTo(c.engine()));
    assertThat(cases).as("both answers occur").extracting(Case::engine).contains(true, false);
  }

  @Test
  void someoneWithoutAGrantIsStillRefusedWithTheEnginesMessage() {
    Task screening = openTask(startIdea(validIdea()), "Task_ScreenIdea");
    processEngine.getIdentityService().setAuthentication("visitor", List.of());
    try {
      assertThatThrownBy(() -> taskService.claim(screening.getId(), "visitor"))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("visitor").hasMessageContaining("TASK_WORK").hasMessageContaining(screening.getId());
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  /** What claiming or completing a task asks: any of task work or update, on the task or its process definition. */
  private static CompositePermissionCheck taskWork(String taskId, String processDefinitionKey) {
    return new PermissionCheckBuilder().disjunctive()
        .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.TASK_WORK)
        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, processDefinitionKey, Permissions.TASK_WORK)
        .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.UPDATE)
        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, processDefinitionKey, Permissions.UPDATE_TASK)
        .build();
  }

  private static CompositePermissionCheck single(Resource resource, String id, Permission permission) {
    return new PermissionCheckBuilder().disjunctive().atomicCheckForResourceId(resource, id, permission).build();
  }
}
