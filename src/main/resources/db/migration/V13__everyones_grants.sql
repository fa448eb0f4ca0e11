-- Everyone reads the Tasklist filters and may create process instances through one global grant
-- each (identity/ProposalAuthorizations; which processes a person may start is still up to their
-- groups' grants on the process definitions). Before, each of the application's groups held its own
-- grant on "*" for both, and every Tasklist query joins each open task with each grant on "*". Here
-- those per-group grants are removed (the portfolio managers keep reading and updating every process
-- instance); the application creates the global ones at start-up. A new database has nothing to change.

-- filters (5): READ (2) only; process instances (8): CREATE (8) only
delete from ACT_RU_AUTHORIZATION
 where TYPE_ = 1 and RESOURCE_ID_ = '*' and (RESOURCE_TYPE_ = 5 and PERMS_ = 2 or RESOURCE_TYPE_ = 8 and PERMS_ = 8)
   and GROUP_ID_ in ('industryWriters', 'industryManagers', 'ruralWriters', 'ruralManagers', 'designWriters',
     'designManagers', 'developmentWriters', 'developmentManagers', 'securityWriters', 'securityManagers',
     'portfolioManagers');

-- the portfolio managers' grant on every process instance also held CREATE (8)
update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ - 8, REV_ = REV_ + 1
 where TYPE_ = 1 and RESOURCE_TYPE_ = 8 and RESOURCE_ID_ = '*' and GROUP_ID_ = 'portfolioManagers'
   and mod(PERMS_ / 8, 2) = 1;
