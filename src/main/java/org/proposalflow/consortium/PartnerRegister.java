package org.proposalflow.consortium;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.proposalflow.validation.InvalidInputException;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The shared register of partner organisations ({@code partner_organisation}), reused across
 * proposals. The same name in the same country, or the same PIC, cannot be registered twice.
 */
@Repository
public class PartnerRegister {

  private static final Pattern PIC = Pattern.compile("^\\d{9}$");
  private static final String COLUMNS = "code, name, country, organisation_type, pic, contact_person, contact_email";

  private final JdbcTemplate jdbc;

  public PartnerRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One answer an organisation gave, for its history. */
  public record Participation(String reference, String acronym, String role, String answer,
      String commitmentLetter, OffsetDateTime answeredAt) {
  }

  public Optional<PartnerOrganisation> find(String code) {
    return jdbc.query("select " + COLUMNS + " from partner_organisation where code = ?", this::map, code)
        .stream().findFirst();
  }

  /** The organisation with the code, or a refusal naming the field it came from. */
  public PartnerOrganisation require(String field, String code) {
    return find(code).orElseThrow(() -> new InvalidInputException(field,
        "'" + code + "' is not an organisation of the partner register"));
  }

  public List<PartnerOrganisation> all() {
    return jdbc.query("select " + COLUMNS + " from partner_organisation order by country, name", this::map);
  }

  /** The proposals the organisation was invited to and how it answered, oldest first. */
  public List<Participation> history(String code) {
    return history(code, null);
  }

  /** As {@link #history(String)}, limited to the proposals of the given clusters (null: all). */
  public List<Participation> history(String code, List<String> clusters) {
    if (clusters != null && clusters.isEmpty()) {
      return List.of();
    }
    List<Object> args = new java.util.ArrayList<>(List.of(code));
    String inClusters = "";
    if (clusters != null) {
      inClusters = " and p.cluster in (" + String.join(", ", java.util.Collections.nCopies(clusters.size(), "?")) + ")";
      args.addAll(clusters);
    }
    return jdbc.query("select pp.reference, p.acronym, pp.partner_role, pp.answer, pp.commitment_letter, pp.answered_at "
            + "from proposal_partner pp join proposal p on p.reference = pp.reference "
            + "where pp.organisation_code = ?" + inClusters + " order by pp.id",
        (rs, row) -> new Participation(rs.getString("reference"), rs.getString("acronym"), rs.getString("partner_role"),
            rs.getString("answer"), rs.getString("commitment_letter"), rs.getObject("answered_at", OffsetDateTime.class)),
        args.toArray());
  }

  /**
   * Reads and checks a new organisation from the fields {@code <prefix>Name}, {@code <prefix>Country},
   * {@code <prefix>Type}, {@code <prefix>Pic} (optional), {@code <prefix>ContactPerson} and
   * {@code <prefix>ContactEmail}, refusing duplicates, without saving it.
   */
  public PartnerOrganisation readNew(Inputs in, String prefix) {
    String name = in.text(prefix + "Name", 200);
    String country = in.countryCode(prefix + "Country");
    String type = in.choice(prefix + "Type", PartnerOrganisation.TYPES);
    String pic = in.optionalText(prefix + "Pic", 20);
    if (pic != null) {
      pic = pic.replace(" ", "");
      if (!PIC.matcher(pic).matches()) {
        throw new InvalidInputException(prefix + "Pic", "'" + pic + "' is not a PIC: the EU participant code has 9 digits");
      }
    }
    String person = in.text(prefix + "ContactPerson", 200);
    String email = in.email(prefix + "ContactEmail");
    Optional<PartnerOrganisation> sameName = jdbc.query("select " + COLUMNS + " from partner_organisation "
        + "where name_key = ? and country = ?", this::map, nameKey(name), country).stream().findFirst();
    if (sameName.isPresent()) {
      throw new InvalidInputException(prefix + "Name", name + " (" + country + ") is already in the partner register as "
          + sameName.get().code() + "; choose it from the register");
    }
    if (pic != null) {
      Optional<PartnerOrganisation> samePic = jdbc.query("select " + COLUMNS + " from partner_organisation where pic = ?",
          this::map, pic).stream().findFirst();
      if (samePic.isPresent()) {
        throw new InvalidInputException(prefix + "Pic", "PIC " + pic + " is already registered for "
            + samePic.get().label() + " (" + samePic.get().code() + "); choose it from the register");
      }
    }
    return new PartnerOrganisation(newCode(name, country), name, country, type, pic, person, email);
  }

  /** Saves an organisation read by {@link #readNew}, in the caller's transaction. */
  public PartnerOrganisation add(PartnerOrganisation organisation) {
    jdbc.update("insert into partner_organisation (code, name, name_key, country, organisation_type, pic, contact_person, "
            + "contact_email, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        organisation.code(), organisation.name(), nameKey(organisation.name()), organisation.country(),
        organisation.organisationType(), organisation.pic(), organisation.contactPerson(), organisation.contactEmail(),
        Inputs.now().atOffset(ZoneOffset.UTC));
    return organisation;
  }

  static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private String newCode(String name, String country) {
    String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-$", "");
    }
    String base = (slug.isEmpty() ? "ORG" : slug) + "-" + country;
    String code = base;
    for (int n = 2; find(code).isPresent(); n++) {
      code = base + "-" + n;
    }
    return code;
  }

  private PartnerOrganisation map(ResultSet rs, int row) throws SQLException {
    return new PartnerOrganisation(rs.getString("code"), rs.getString("name"), rs.getString("country").strip(),
        rs.getString("organisation_type"), rs.getString("pic") == null ? null : rs.getString("pic").strip(),
        rs.getString("contact_person"), rs.getString("contact_email"));
  }
}
