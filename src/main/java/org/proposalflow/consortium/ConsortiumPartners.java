package org.proposalflow.consortium;

import java.time.ZoneOffset;
import java.util.List;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The partners recorded for each proposal, in the application's {@code proposal_partner} table. */
@Repository
public class ConsortiumPartners {

  private final JdbcTemplate jdbc;

  public ConsortiumPartners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean contains(String reference, String organisation, String country) {
    Integer count = jdbc.queryForObject("select count(*) from proposal_partner "
        + "where reference = ? and lower(organisation) = lower(?) and country = ?", Integer.class,
        reference, organisation, country);
    return count != null && count > 0;
  }

  public void add(String reference, ConsortiumPartner partner) {
    jdbc.update("insert into proposal_partner (reference, organisation, country, organisation_type, partner_role, "
            + "contact_email, confirmed, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        reference, partner.organisation(), partner.country(), partner.organisationType(), partner.role(),
        partner.contactEmail(), partner.confirmed(), Inputs.now().atOffset(ZoneOffset.UTC));
  }

  public List<ConsortiumPartner> of(String reference) {
    return jdbc.query("select organisation, country, organisation_type, partner_role, contact_email, confirmed "
            + "from proposal_partner where reference = ? order by id",
        (rs, row) -> new ConsortiumPartner(rs.getString("organisation"), rs.getString("country"),
            rs.getString("organisation_type"), rs.getString("partner_role"), rs.getString("contact_email"),
            rs.getBoolean("confirmed")),
        reference);
  }
}
