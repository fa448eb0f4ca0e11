package org.proposalflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * An installation upgraded from before the cluster tenants: its proposals' rows have no tenant and
 * their clusters were kept apart by grants per instance and per task. Migration V12 gives every
 * row its cluster's tenant again and removes those grants.
 */
class ClusterTenantsMigrationTest extends ProcessTestSupport {

  private static final String CLUSTER = "rural";

  @Autowired
  private DataSource dataSource;
  @Autowired
  private AuthorizationService authorizationService;

  @Test
  void proposalsOfBeforeTheTenantsGetTheirClustersTenantAndLoseTheirOwnGrants() throws Exception {
    Map<String, Object> idea = validIdea();
    idea.put("cluster", CLUSTER);
    ProcessInstance proposal = startIdea(idea);
    screenGo(proposal, "oskari");
    String task = openTask(proposal, "Task_ChoosePartners").getId();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> tables = engineTablesWithTenant();
    Map<String, Integer> rowsOfTheCluster = rowsOf(jdbc, tables);
    assertThat(rowsOfTheCluster.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(50);

    // as it was before: no tenant, grants of the proposal's own
    tables.forEach(table -> jdbc.update("update " + table + " set TENANT_ID_ = null where TENANT_ID_ = ?", CLUSTER));
    grantAsBefore("ruralWriters", Resources.PROCESS_INSTANCE, proposal.getId(), Permissions.READ);
    grantAsBefore("ruralWriters", Resources.HISTORIC_PROCESS_INSTANCE, proposal.getId(),
        HistoricProcessInstancePermissions.READ);
    grantAsBefore("ruralWriters", Resources.TASK, task, Permissions.UPDATE);
    grantAsBefore("ruralManagers", Resources.HISTORIC_TASK, task, HistoricTaskPermissions.READ);
    assertThat(rowsOf(jdbc, tables).values()).allMatch(rows -> rows == 0);

    try (Connection connection = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V12__cluster_tenants.sql"));
    }

    assertThat(rowsOf(jdbc, tables)).isEqualTo(rowsOfTheCluster);
    assertThat(authorizationService.createAuthorizationQuery().resourceId(proposal.getId()).count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().resourceId(task).count()).isZero();
    authenticate("liisa");
    try {
      assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    authenticate("aino");
    try {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isZero();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void grantAsBefore(String group, Resource resource, String resourceId, Permission permission) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizationService.saveAuthorization(grant);
  }

  private static Map<String, Integer> rowsOf(JdbcTemplate jdbc, List<String> tables) {
    Map<String, Integer> rows = new TreeMap<>();
    for (String table : tables) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where TENANT_ID_ = ?", Integer.class,
          CLUSTER));
    }
    return rows;
  }

  /** The engine's runtime and history tables with a tenant column (not its definitions or identities). */
  private List<String> engineTablesWithTenant() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet columns = connection.getMetaData().getColumns(null, null, null, null)) {
      while (columns.next()) {
        String table = columns.getString("TABLE_NAME").toUpperCase();
        boolean runtimeOrHistory = table.startsWith("ACT_RU_") || table.startsWith("ACT_HI_")
            || table.equals("ACT_GE_BYTEARRAY");
        if (runtimeOrHistory && "TENANT_ID_".equalsIgnoreCase(columns.getString("COLUMN_NAME"))
            && !tables.contains(table)) {
          tables.add(table);
        }
      }
    }
    return tables;
  }
}
