package org.proposalflow.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters every user starts with; created once, found again by name. */
@Component
public class TasklistFilters {

  static final String MY_TASKS = "My tasks";
  public static final String MY_GROUPS_TASKS = "My group's tasks";
  static final String NEAR_DEADLINE = "Proposals near their deadline";

  /** Columns Tasklist shows for each task in these filters. */
  private static final List<Map<String, String>> PROPOSAL_COLUMNS = List.of(
      Map.of("name", "reference", "label", "Reference"),
      Map.of("name", "acronym", "label", "Acronym"),
      Map.of("name", "clusterName", "label", "Cluster"));

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  public void ensureFilters() {
    ensure(MY_TASKS, -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_GROUPS_TASKS, -5, "Unclaimed tasks of my clusters' groups",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
    ensure(NEAR_DEADLINE, 0, "My and my groups' tasks due within 14 days, most urgent first",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().plusDays(14).toDate()}").orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "description", description,
            "priority", priority,
            "refresh", true,
            "variables", PROPOSAL_COLUMNS));
    filterService.saveFilter(filter);
  }
}
