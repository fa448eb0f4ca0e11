package org.proposalflow.proposal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Hands out human proposal references, sequential per year: PF-2026-0001, PF-2026-0002, ...
 * Counted per year in the caller's transaction under a row lock, so a rolled-back start consumes
 * no number and two nodes never hand out the same one.
 */
@Service
public class ProposalReferences {

  private final JdbcTemplate jdbc;

  public ProposalReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String next(Instant now, ZoneId zone) {
    int year = now.atZone(zone).getYear();
    jdbc.queryForObject("select last_number from proposal_reference_counter where counter_year = 0 for update",
        Integer.class);
    List<Integer> last = jdbc.queryForList(
        "select last_number from proposal_reference_counter where counter_year = ?", Integer.class, year);
    int number = last.isEmpty() ? 1 : last.get(0) + 1;
    if (last.isEmpty()) {
      jdbc.update("insert into proposal_reference_counter (counter_year, last_number) values (?, ?)", year, number);
    } else {
      jdbc.update("update proposal_reference_counter set last_number = ? where counter_year = ?", number, year);
    }
    return String.format("PF-%d-%04d", year, number);
  }
}
