package org.proposalflow.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.proposalflow.ProcessTestSupport;
import org.proposalflow.portfolio.Portfolio.Figures;
import org.proposalflow.proposal.ProposalStage;
import org.proposalflow.validation.Inputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo portfolio goes through the real processes: every proposal has its process history, the
 * figures add up to the reference result, nothing is mailed, and the clock is back to now.
 */
class DemoPortfolioTest extends ProcessTestSupport {

  private static final PortfolioFilter EVERYTHING = new PortfolioFilter(LocalDate.of(2000, 1, 1),
      LocalDate.of(2100, 1, 1), null, null);

  @Autowired
  private PortfolioService portfolio;
  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void aReplayedHistoryShapedLikeTheReferenceResult() {
    Portfolio before = portfolio.portfolio(EVERYTHING);
    long mailsBefore = mails();
    DemoPortfolio demo = demo();

    List<String> references = demo.replay();

    assertThat(Duration.between(Inputs.now(), java.time.Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(references).hasSize(DemoPortfolio.PROPOSALS).doesNotHaveDuplicates();
    Portfolio after = portfolio.portfolio(EVERYTHING);
    Figures was = before.total();
    Figures is = after.total();
    assertThat(is.launched() - was.launched()).isEqualTo(60);
    assertThat(is.submitted() - was.submitted()).as("resubmitted ones once").isEqualTo(42);
    assertThat(is.funded() - was.funded()).isEqualTo(19);
    assertThat(is.rejected() - was.rejected()).isEqualTo(17);
    assertThat(is.reserve() - was.reserve()).isEqualTo(3);
    assertThat(is.withdrawn() - was.withdrawn()).isEqualTo(4);
    assertThat(is.declined() - was.declined()).isEqualTo(6);
    assertThat(after.fundedByProgramme().get("horizonEurope") - before.fundedByProgramme().getOrDefault("horizonEurope", 0L))
        .isEqualTo(9);
    assertThat(is.regionalEuros().subtract(was.regionalEuros())).isEqualByComparingTo(new BigDecimal("6000000"));
    assertThat(mails()).as("history replayed without e-mails").isEqualTo(mailsBefore);

    for (String reference : references) {
      HistoricProcessInstance lifecycle = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey("proposal-lifecycle").processInstanceBusinessKey(reference).singleResult();
      assertThat(lifecycle).as(reference + " went through the lifecycle process").isNotNull();
      ProposalStage stage = records.find(reference).orElseThrow().stage();
      boolean open = runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle.getId()).count() == 1;
      assertThat(open).as(reference + " in " + stage).isEqualTo(!List.of(ProposalStage.FUNDED, ProposalStage.NOT_FUNDED,
          ProposalStage.WITHDRAWN, ProposalStage.DECLINED).contains(stage));
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("proposal-lifecycle")
        .processInstanceBusinessKey(references.get(0)).singleResult().getStartTime())
        .as("the first was launched over a year ago").isBefore(java.util.Date.from(Inputs.now().minus(Duration.ofDays(365))));
  }

  @Test
  void loadsOnlyIntoAnEmptyPortfolio() {
    startIdea(validIdea());
    long launched = portfolio.portfolio(EVERYTHING).total().launched();

    demo().loadOnFirstStart();

    assertThat(portfolio.portfolio(EVERYTHING).total().launched()).isEqualTo(launched);
  }

  private DemoPortfolio demo() {
    return new DemoPortfolio(runtimeService, taskService, processEngine.getIdentityService(), jdbc,
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());
  }

  private long mails() {
    return jdbc.queryForObject("select count(*) from notification", Long.class);
  }
}
