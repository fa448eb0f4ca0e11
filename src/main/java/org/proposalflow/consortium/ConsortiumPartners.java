package org.proposalflow.consortium;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The candidate partners of each proposal and their answers, in the application's {@code proposal_partner} table. */
@Repository
public class ConsortiumPartners {

  private static final String COLUMNS = "id, organisation_code, organisation, country, organisation_type, partner_role, "
      + "contact_email, answer, commitment_letter, response_deadline";

  private final JdbcTemplate jdbc;

  public ConsortiumPartners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The proposal's row of the organisation (any answer), if it was ever a candidate. */
  public Optional<ConsortiumPartner> find(String reference, PartnerOrganisation organisation) {
    return jdbc.query("select " + COLUMNS + " from proposal_partner where reference = ? "
            + "and (organisation_code = ? or (lower(organisation) = lower(?) and country = ?))", this::map,
        reference, organisation.code(), organisation.name(), organisation.country()).stream().findFirst();
  }

  public Optional<ConsortiumPartner> find(long id) {
    return jdbc.query("select " + COLUMNS + " from proposal_partner where id = ?", this::map, id).stream().findFirst();
  }

  /** Invites the organisation, or invites it again when it had declined, not answered or dropped out. */
  public long invite(String reference, PartnerOrganisation organisation, String role, Instant responseDeadline) {
    OffsetDateTime now = Inputs.now().atOffset(ZoneOffset.UTC);
    Optional<ConsortiumPartner> earlier = find(reference, organisation);
    if (earlier.isPresent()) {
      jdbc.update("update proposal_partner set partner_role = ?, answer = 'invited', confirmed = false, "
              + "commitment_letter = null, answer_comment = null, answered_at = null, response_deadline = ?, "
              + "contact_email = ?, organisation_code = ?, recorded_at = ? where id = ?",
          role, responseDeadline.atOffset(ZoneOffset.UTC), organisation.contactEmail(), organisation.code(), now,
          earlier.get().id());
      return earlier.get().id();
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into proposal_partner (reference, organisation_code, "
          + "organisation, country, organisation_type, partner_role, contact_email, confirmed, answer, response_deadline, "
          + "recorded_at) values (?, ?, ?, ?, ?, ?, ?, false, 'invited', ?, ?)", new String[] {"id"});
      statement.setString(1, reference);
      statement.setString(2, organisation.code());
      statement.setString(3, organisation.name());
      statement.setString(4, organisation.country());
      statement.setString(5, organisation.organisationType());
      statement.setString(6, role);
      statement.setString(7, organisation.contactEmail());
      statement.setObject(8, responseDeadline.atOffset(ZoneOffset.UTC));
      statement.setObject(9, now);
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  /** The partner's answer: confirmed, declined, no_answer (deadline passed) or withdrawn (dropped out). */
  public void answer(long id, String answer, String commitmentLetter, String comment) {
    jdbc.update("update proposal_partner set answer = ?, confirmed = ?, commitment_letter = ?, answer_comment = ?, "
            + "answered_at = ? where id = ?",
        answer, ConsortiumPartner.CONFIRMED.equals(answer), commitmentLetter, comment,
        Inputs.now().atOffset(ZoneOffset.UTC), id);
  }

  public List<ConsortiumPartner> of(String reference) {
    return jdbc.query("select " + COLUMNS + " from proposal_partner where reference = ? order by id", this::map, reference);
  }

  private ConsortiumPartner map(ResultSet rs, int row) throws SQLException {
    return new ConsortiumPartner(rs.getLong("id"), rs.getString("organisation_code"), rs.getString("organisation"),
        rs.getString("country").strip(), rs.getString("organisation_type"), rs.getString("partner_role"),
        rs.getString("contact_email"), rs.getString("answer"), rs.getString("commitment_letter"),
        rs.getObject("response_deadline", OffsetDateTime.class));
  }
}
