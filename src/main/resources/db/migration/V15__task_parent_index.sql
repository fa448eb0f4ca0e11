-- Every task completion (and every deletion of a task) makes the engine look for the task's subtasks,
-- select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?, and Camunda's own schema has no index on that
-- column: each completion read the whole task table, which grows with every open task of every
-- cluster. The name is ours, so a later Camunda upgrade script adding its own index cannot collide.
create index pf_idx_task_parent on ACT_RU_TASK (PARENT_TASK_ID_);
