-- Each cluster became a Camunda tenant (identity/ClusterTenants). Proposals started before that have
-- no tenant: here their process instances, tasks, jobs, variables and history get their cluster's
-- tenant, and the per-instance and per-task grants that used to keep clusters apart are removed
-- (standing grants per group and the tenant do that now). A new database has nothing to change.

create table proposal_instance_tenant as
  select h.ID_ as instance_id, p.cluster as tenant_id
    from ACT_HI_PROCINST h join proposal p on p.reference = h.BUSINESS_KEY_
   where h.PROC_DEF_KEY_ in ('proposal-lifecycle', 'partner-search', 'proposal-drafting', 'deadline-reminders')
  union
  select e.ID_ as instance_id, p.cluster as tenant_id
    from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ join proposal p on p.reference = e.BUSINESS_KEY_
   where e.ID_ = e.PROC_INST_ID_
     and d.KEY_ in ('proposal-lifecycle', 'partner-search', 'proposal-drafting', 'deadline-reminders');

-- rows of one process instance
update ACT_RU_EXECUTION set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_EXECUTION.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_TASK set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_TASK.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_VARIABLE set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_VARIABLE.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_EVENT_SUBSCR set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_EVENT_SUBSCR.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_INCIDENT set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_INCIDENT.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_EXT_TASK set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_EXT_TASK.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_JOB set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_RU_JOB.PROCESS_INSTANCE_ID_)
 where TENANT_ID_ is null and PROCESS_INSTANCE_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_RU_IDENTITYLINK set TENANT_ID_ = (select t.TENANT_ID_ from ACT_RU_TASK t where t.ID_ = ACT_RU_IDENTITYLINK.TASK_ID_)
 where TENANT_ID_ is null and TASK_ID_ in (select ID_ from ACT_RU_TASK where TENANT_ID_ is not null);

update ACT_HI_PROCINST set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_PROCINST.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_ACTINST set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_ACTINST.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_TASKINST set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_TASKINST.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_VARINST set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_VARINST.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_DETAIL set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_DETAIL.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_DECINST set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_DECINST.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_INCIDENT set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_INCIDENT.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_OP_LOG set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_OP_LOG.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_COMMENT set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_COMMENT.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_ATTACHMENT set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_ATTACHMENT.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_EXT_TASK_LOG set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_EXT_TASK_LOG.PROC_INST_ID_)
 where TENANT_ID_ is null and PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_JOB_LOG set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_JOB_LOG.PROCESS_INSTANCE_ID_)
 where TENANT_ID_ is null and PROCESS_INSTANCE_ID_ in (select instance_id from proposal_instance_tenant);

-- rows that name only the root instance (the proposal's lifecycle); the engine leaves the
-- tenant of variables' byte arrays empty, and so does this
update ACT_HI_IDENTITYLINK set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_IDENTITYLINK.ROOT_PROC_INST_ID_)
 where TENANT_ID_ is null and ROOT_PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_DEC_IN set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_DEC_IN.ROOT_PROC_INST_ID_)
 where TENANT_ID_ is null and ROOT_PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);
update ACT_HI_DEC_OUT set TENANT_ID_ = (select m.tenant_id from proposal_instance_tenant m where m.instance_id = ACT_HI_DEC_OUT.ROOT_PROC_INST_ID_)
 where TENANT_ID_ is null and ROOT_PROC_INST_ID_ in (select instance_id from proposal_instance_tenant);

-- the grants per proposal instance (types 8, 20) and per task (7, 19) are no longer needed
delete from ACT_RU_AUTHORIZATION
 where RESOURCE_TYPE_ in (8, 20) and RESOURCE_ID_ in (select instance_id from proposal_instance_tenant);
delete from ACT_RU_AUTHORIZATION
 where RESOURCE_TYPE_ in (7, 19)
   and RESOURCE_ID_ in (select ID_ from ACT_HI_TASKINST where TENANT_ID_ is not null
                        union select ID_ from ACT_RU_TASK where TENANT_ID_ is not null);

drop table proposal_instance_tenant;
