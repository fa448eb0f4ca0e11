package org.proposalflow.notification;

import java.util.HashSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "A task waits for you": a listener on the create and assignment events of every user task of every
 * process, added when the models are parsed, so no model has to remember it. Claiming a task
 * oneself sends nothing.
 */
@Component
public class TaskNotifications extends AbstractProcessEnginePlugin implements TaskListener {

  private final Notifier notifier;

  public TaskNotifications(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(EVENTNAME_CREATE, TaskNotifications.this);
        definition.addTaskListener(EVENTNAME_ASSIGNMENT, TaskNotifications.this);
      }
    });
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      boolean claimedThemselves = authentication != null && authentication.getUserId().equals(task.getAssignee());
      if (task.getAssignee() == null || claimedThemselves) {
        return;
      }
    }
    notifier.taskWaiting(new Notifier.TaskFacts(task.getId(), task.getName(), task.getExecution().getProcessBusinessKey(),
        task.getDueDate(), task.getAssignee(), new HashSet<>(task.getCandidates())));
  }

  /** The same facts of a task read through the API, e.g. by the overdue check. */
  static Notifier.TaskFacts facts(Task task, TaskService taskService) {
    String businessKey = task.getProcessInstanceId() == null ? null
        : (String) taskService.getVariable(task.getId(), "reference");
    return new Notifier.TaskFacts(task.getId(), task.getName(), businessKey, task.getDueDate(), task.getAssignee(),
        new HashSet<>(taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType())).toList()));
  }
}
