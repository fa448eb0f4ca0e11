package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.proposalflow.proposal.Cluster;
import org.proposalflow.proposal.Idea;
import org.proposalflow.proposal.ProposalRecords;
import org.proposalflow.proposal.ProposalStage;

/**
 * Hand-counted portfolios for the tests, written through the same record methods the processes'
 * steps call, at the moments the test's clock says.
 */
final class PortfolioFixtures {

  private final ProposalRecords records;

  PortfolioFixtures(ProposalRecords records) {
    this.records = records;
  }

  String launch(String reference, Cluster cluster, String programme, String deadline) {
    int number = Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
    records.insert(reference, "fixture-" + reference, new Idea("Proposal " + number + ", a fixture", "P" + number,
        cluster, "Fixture.", programme, "CALL-" + number, OffsetDateTime.parse(deadline), new BigDecimal("1000000"),
        new BigDecimal("200000"), "Digipolis", "Aino Kivikaamos", null), ProposalStage.SCREENING);
    return reference;
  }

  void screened(String reference, ProposalStage stage) {
    records.recordScreened(reference);
    records.updateStage(reference, stage);
  }

  void submitted(String reference, String requested, String submittedAt, ProposalStage stage) {
    screened(reference, ProposalStage.SUBMISSION);
    records.recordSubmission(reference, "SEP-" + reference, OffsetDateTime.parse(submittedAt), new BigDecimal(requested));
    records.updateStage(reference, stage);
  }

  static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
  }
}
