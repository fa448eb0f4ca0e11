package org.proposalflow.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.proposalflow.proposal.Cluster;
import org.springframework.stereotype.Component;

/**
 * Each cluster is a Camunda tenant (id = the cluster's code): a proposal's process instances,
 * tasks and history belong to the tenant of its cluster, so the engine shows them only to the
 * cluster's groups and the portfolio managers, who are members of the tenant. The engine checks this
 * with a plain filter on the tenant column, whatever the size of the portfolio; grants are standing
 * ones per group ({@link ProposalAuthorizations}), none per proposal or task.
 *
 * <p>The models are deployed once for all clusters; an instance takes its tenant from its
 * {@code cluster} variable when it starts, a called process (partner search, drafting) from its
 * caller. Processes without a cluster (notification settings, a manager's action naming a proposal,
 * the weekly digest) have no tenant.
 */
@Component
public class ClusterTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    return tenantOf(context.getVariables().get("cluster"));
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  /** The tenant of a cluster code; none for anything else (the idea's validation then names the field). */
  static String tenantOf(Object clusterCode) {
    return Arrays.stream(Cluster.values()).map(Cluster::code).filter(code -> code.equals(clusterCode)).findFirst()
        .orElse(null);
  }
}
