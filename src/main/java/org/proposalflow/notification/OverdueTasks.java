package org.proposalflow.notification;

import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.proposalflow.validation.Inputs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates each task past its due date to its cluster's managers, once: the escalation row and the
 * notifications commit together, and the row's primary key stops a second node or run.
 */
@Service
public class OverdueTasks {

  private final TaskService taskService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Notifier notifier;

  public OverdueTasks(TaskService taskService, JdbcTemplate jdbc, TransactionTemplate transaction, Notifier notifier) {
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.notifier = notifier;
  }

  /** Returns how many tasks were escalated now. */
  public int escalate() {
    int escalated = 0;
    for (Task task : taskService.createTaskQuery().dueBefore(Date.from(Inputs.now())).active().list()) {
      if (alreadyEscalated(task.getId())) {
        continue;
      }
      try {
        transaction.executeWithoutResult(status -> {
          jdbc.update("insert into task_escalation (task_id, escalated_at) values (?, ?)", task.getId(),
              Inputs.now().atOffset(ZoneOffset.UTC));
          notifier.taskOverdue(TaskNotifications.facts(task, taskService));
        });
        escalated++;
      } catch (DuplicateKeyException otherNodeWasFaster) {
        // escalated meanwhile by another node
      }
    }
    return escalated;
  }

  private boolean alreadyEscalated(String taskId) {
    return jdbc.queryForObject("select count(*) from task_escalation where task_id = ?", Integer.class, taskId) > 0;
  }
}
