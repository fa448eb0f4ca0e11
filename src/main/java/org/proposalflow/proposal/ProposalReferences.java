package org.proposalflow.proposal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Hands out human proposal references, sequential per year: PF-2026-0001, PF-2026-0002, ...
 * The counter is one row locked for update inside the caller's transaction, so a rolled-back start
 * consumes no number and two nodes never hand out the same one.
 */
@Service
public class ProposalReferences {

  private final JdbcTemplate jdbc;

  public ProposalReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String next(Instant now, ZoneId zone) {
    int year = now.atZone(zone).getYear();
    Map<String, Object> row = jdbc.queryForMap(
        "select counter_year, last_number from proposal_reference_counter where id = 1 for update");
    int counterYear = ((Number) row.get("counter_year")).intValue();
    int number = counterYear == year ? ((Number) row.get("last_number")).intValue() + 1 : 1;
    jdbc.update("update proposal_reference_counter set counter_year = ?, last_number = ? where id = 1", year, number);
    return String.format("PF-%d-%04d", year, number);
  }
}
