package org.proposalflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.proposalflow.proposal.Cluster;
import org.springframework.stereotype.Component;

/**
 * Each proposal is visible only to its own cluster (and the portfolio managers, who see all): when
 * a process instance of a proposal starts (the proposal itself, its partner search, drafting and
 * reminder plan), the cluster's writers and managers may read it and its history; when one of its
 * tasks is created, the cluster's managers may read and reassign it. Candidates get their task
 * permissions from the engine itself. Added to every model when it is parsed.
 */
@Component
public class ProposalInstanceAuthorizations extends AbstractProcessEnginePlugin
    implements ExecutionListener, TaskListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(EVENTNAME_START, ProposalInstanceAuthorizations.this);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(EVENTNAME_CREATE, ProposalInstanceAuthorizations.this);
      }
    });
  }

  /** A process instance starts: its cluster's people may read it, now and in history; managers may also update it. */
  @Override
  public void notify(DelegateExecution execution) {
    clusterOf(execution).ifPresent(cluster -> {
      String instance = execution.getProcessInstanceId();
      grant(execution, cluster.writersGroup(), Resources.PROCESS_INSTANCE, instance, READ);
      grant(execution, cluster.managersGroup(), Resources.PROCESS_INSTANCE, instance, READ, UPDATE);
      grant(execution, cluster.writersGroup(), Resources.HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ);
      grant(execution, cluster.managersGroup(), Resources.HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ);
    });
  }

  /** A task is created: its cluster's managers may follow and reassign it. */
  @Override
  public void notify(DelegateTask task) {
    clusterOf(task).ifPresent(cluster -> {
      grant(task.getExecution(), cluster.managersGroup(), Resources.TASK, task.getId(), READ, TASK_ASSIGN);
      grant(task.getExecution(), cluster.managersGroup(), Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
    });
  }

  private static Optional<Cluster> clusterOf(VariableScope scope) {
    Object code = scope.getVariable("cluster");
    return Arrays.stream(Cluster.values()).filter(c -> c.code().equals(code)).findFirst();
  }

  /** Runs inside the engine's command without the current user's authorization checks: the grant is the application's. */
  private static void grant(DelegateExecution execution, String group, Resource resource, String resourceId,
      Permission... permissions) {
    var authorizations = execution.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Grants.grant(authorizations, group, resource, resourceId, permissions);
      return null;
    });
  }
}
