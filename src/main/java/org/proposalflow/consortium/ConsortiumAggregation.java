package org.proposalflow.consortium;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Aggregates a proposal's candidates into its consortium status and keeps the
 * {@code consortium_status} table in step, in the caller's transaction.
 */
@Service
public class ConsortiumAggregation {

  private final ConsortiumPartners partners;
  private final CountryLists countries;
  private final JdbcTemplate jdbc;

  public ConsortiumAggregation(ConsortiumPartners partners, CountryLists countries, JdbcTemplate jdbc) {
    this.partners = partners;
    this.countries = countries;
    this.jdbc = jdbc;
  }

  public ConsortiumStatus statusOf(String reference, String programme) {
    return aggregate(partners.of(reference), countries.programmeArea(programme));
  }

  /** Aggregates and stores the status; eligibility is kept as last decided until {@link #recordEligibility}. */
  public ConsortiumStatus refresh(String reference, String programme) {
    ConsortiumStatus status = statusOf(reference, programme);
    Object[] values = {status.confirmed(), status.declined(), status.pending(), status.noAnswer(),
        status.countingEntities(), String.join(",", status.countries()), status.memberStateCountries(),
        status.associatedCountries(), types(status), status.coordinator(), status.summary(),
        Inputs.now().atOffset(ZoneOffset.UTC), reference};
    int updated = jdbc.update("update consortium_status set confirmed_count = ?, declined_count = ?, pending_count = ?, "
        + "no_answer_count = ?, counting_entities = ?, countries = ?, member_state_countries = ?, associated_countries = ?, "
        + "organisation_types = ?, coordinator = ?, summary = ?, updated_at = ? where reference = ?", values);
    if (updated == 0) {
      jdbc.update("insert into consortium_status (confirmed_count, declined_count, pending_count, no_answer_count, "
          + "counting_entities, countries, member_state_countries, associated_countries, organisation_types, coordinator, "
          + "summary, updated_at, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }
    return status;
  }

  public void recordEligibility(String reference, boolean eligible, String reasons) {
    jdbc.update("update consortium_status set eligible = ?, eligibility_reasons = ? where reference = ?",
        eligible, reasons, reference);
  }

  /** The stored eligibility of a proposal's consortium, null when never decided. */
  public Boolean storedEligibility(String reference) {
    List<Boolean> found = jdbc.query("select eligible from consortium_status where reference = ?",
        (rs, row) -> (Boolean) rs.getObject("eligible"), reference);
    return found.isEmpty() ? null : found.get(0);
  }

  ConsortiumStatus aggregate(List<ConsortiumPartner> all, Set<String> programmeArea) {
    List<ConsortiumPartner> counting = all.stream().filter(ConsortiumPartner::countsAsEntity).toList();
    List<String> countryCodes = counting.stream().map(ConsortiumPartner::country).distinct().sorted().toList();
    int memberStates = (int) countryCodes.stream().filter(countries::isMemberState).count();
    int associated = (int) countryCodes.stream().filter(countries::isAssociatedCountry).count();
    int inArea = (int) countryCodes.stream().filter(programmeArea::contains).count();
    Map<String, Long> types = counting.stream()
        .collect(Collectors.groupingBy(ConsortiumPartner::organisationType, TreeMap::new, Collectors.counting()));
    String coordinator = all.stream().filter(p -> "coordinator".equals(p.role()) && p.confirmed())
        .map(ConsortiumPartner::label).findFirst().orElse(null);
    int confirmed = count(all, ConsortiumPartner::confirmed);
    int declined = count(all, p -> ConsortiumPartner.DECLINED.equals(p.answer()));
    int pending = count(all, ConsortiumPartner::pending);
    int noAnswer = count(all, p -> ConsortiumPartner.NO_ANSWER.equals(p.answer()));
    int withdrawn = count(all, p -> ConsortiumPartner.WITHDRAWN.equals(p.answer()));
    String members = all.stream().map(p -> p.label() + " " + p.role() + ": " + p.answer().replace('_', ' '))
        .collect(Collectors.joining("; "));
    String summary = all.size() + " partners, " + confirmed + " confirmed, " + declined + " declined, " + pending
        + " pending, " + noAnswer + " no answer" + (withdrawn > 0 ? ", " + withdrawn + " dropped out" : "")
        + ". Counting entities: " + counting.size() + " in " + (countryCodes.isEmpty() ? "no country" : String.join(", ", countryCodes))
        + " (" + memberStates + " Member State, " + associated + " Associated Country). Coordinator: "
        + (coordinator == null ? "none confirmed" : coordinator) + ". " + members;
    if (summary.length() > 3900) {
      summary = summary.substring(0, 3897) + "...";
    }
    return new ConsortiumStatus(confirmed, declined, pending, noAnswer, withdrawn, counting.size(), countryCodes,
        memberStates + associated, memberStates, associated, inArea, types, coordinator, summary);
  }

  private static int count(List<ConsortiumPartner> all, Predicate<ConsortiumPartner> which) {
    return (int) all.stream().filter(which).count();
  }

  private static String types(ConsortiumStatus status) {
    return status.organisationTypes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
