package org.proposalflow.portfolio;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.proposalflow.portfolio.Portfolio.AtRisk;
import org.proposalflow.portfolio.Portfolio.Figures;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The portfolio in SQL over the application's {@code proposal} table (indexed on cluster, created_at,
 * programme, stage): one grouped query for the figures and one for the risks, never a walk over
 * process instances.
 */
@Repository
public class PortfolioQueries {

  /** Stages in which a proposal is still being prepared for its call. */
  private static final List<String> PREPARING_STAGES = List.of("SCREENING", "IDEA_REWORK", "PARTNER_SEARCH", "DRAFTING",
      "FINAL_APPROVAL", "SUBMISSION");
  private static final String PREPARING = PREPARING_STAGES.stream().map(stage -> "'" + stage + "'")
      .collect(java.util.stream.Collectors.joining(", ", "stage in (", ")"));

  private final JdbcTemplate jdbc;

  public PortfolioQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The proposals of the filter counted per cluster, stage and programme, in one pass over the
   * table: every other figure is a sum over these few hundred cells.
   */
  public List<Cell> cells(PortfolioFilter filter) {
    Where where = where(filter, launches());
    return jdbc.query("select cluster, stage, programme, count(*) as proposals, "
            + "count(screened_at) as screened, count(submitted_at) as submitted, "
            + "coalesce(sum(case when submitted_at is not null then requested_budget end), 0) as requested, "
            + "coalesce(sum(granted_amount), 0) as granted, coalesce(sum(granted_regional_share), 0) as regional "
            + "from proposal" + where.sql + " group by cluster, stage, programme",
        (rs, row) -> new Cell(rs.getString("cluster"), rs.getString("stage"), rs.getString("programme"),
            rs.getLong("proposals"), rs.getLong("screened"), rs.getLong("submitted"), rs.getBigDecimal("requested"),
            rs.getBigDecimal("granted"), rs.getBigDecimal("regional")),
        where.args());
  }

  /** Proposals of one cluster, stage and programme; granted euros count only where the stage is funded. */
  public record Cell(String cluster, String stage, String programme, long proposals, long screened, long submitted,
      BigDecimal requested, BigDecimal granted, BigDecimal regional) {

    static final Set<String> FUNDED = Set.of("FUNDED", "GRANT_PREPARATION");
    static final Set<String> REJECTED = Set.of("NOT_FUNDED", "RESUBMISSION_DECISION");

    boolean funded() {
      return FUNDED.contains(stage);
    }

    /** The figures of a set of cells; each proposal is in exactly one cell, so nothing counts twice. */
    static Figures sum(Collection<Cell> cells) {
      long launched = 0, screened = 0, submitted = 0, funded = 0, rejected = 0, reserve = 0, withdrawn = 0, declined = 0;
      BigDecimal requested = BigDecimal.ZERO;
      BigDecimal granted = BigDecimal.ZERO;
      BigDecimal regional = BigDecimal.ZERO;
      for (Cell cell : cells) {
        launched += cell.proposals;
        screened += cell.screened;
        submitted += cell.submitted;
        requested = requested.add(cell.requested);
        if (cell.funded()) {
          funded += cell.proposals;
          granted = granted.add(cell.granted);
          regional = regional.add(cell.regional);
        }
        rejected += REJECTED.contains(cell.stage) ? cell.proposals : 0;
        reserve += cell.stage.equals("RESERVE_LIST") ? cell.proposals : 0;
        withdrawn += cell.stage.equals("WITHDRAWN") ? cell.proposals : 0;
        declined += cell.stage.equals("DECLINED") ? cell.proposals : 0;
      }
      return new Figures(launched, screened, submitted, funded, rejected, reserve, withdrawn, declined,
          euros(requested), euros(granted), euros(regional));
    }
  }

  public Figures total(PortfolioFilter filter) {
    return Cell.sum(cells(filter));
  }

  /** Proposals of the filter's clusters (whenever launched) submitted to the funder in [from, to). */
  public long submittedBetween(List<String> clusters, Instant from, Instant to) {
    Where where = where(new PortfolioFilter(LocalDate.of(1970, 1, 1), LocalDate.of(9999, 1, 1), clusters, null));
    List<Object> args = new ArrayList<>(where.values());
    args.add(from.atOffset(ZoneOffset.UTC));
    args.add(to.atOffset(ZoneOffset.UTC));
    Long count = jdbc.queryForObject("select count(*) from proposal" + where.sql + " and submitted_at >= ? and submitted_at < ?",
        Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  /**
   * Proposals still being prepared that a manager should look at this week: the call closes within
   * 30 days while the consortium is not settled, within 7 days while not yet approved for submission,
   * or nothing has happened for 14 days. Soonest deadline first.
   */
  public List<AtRisk> atRisk(PortfolioFilter filter, int limit) {
    Where where = where(filter);
    Instant now = Inputs.now();
    OffsetDateTime in30Days = now.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);
    OffsetDateTime quietSince = now.minus(Duration.ofDays(14)).atOffset(ZoneOffset.UTC);
    List<Object> args = new ArrayList<>(List.of(where.args()));
    args.addAll(List.of(in30Days, quietSince, limit));
    return jdbc.query("select reference, acronym, title, cluster, stage, call_deadline, updated_at, process_instance_id "
            + "from proposal" + where.sql + " and " + PREPARING + " and (call_deadline < ? or updated_at < ?) "
            + "order by call_deadline limit ?",
        (rs, row) -> atRisk(rs, now), args.toArray());
  }

  /** Every proposal of the filter, one row each, for the CSV export. */
  public List<Map<String, Object>> rows(PortfolioFilter filter) {
    Where where = where(filter);
    return jdbc.queryForList("select reference, acronym, title, cluster, programme, call_identifier, call_deadline, "
        + "stage, created_at, screened_at, submitted_at, submission_id, requested_budget, evaluation_result, "
        + "granted_amount, granted_regional_share, resubmission_count, closed_at from proposal" + where.sql
        + " order by reference", where.args());
  }

  /** The status of one proposal, with its consortium from the partner records. */
  public Optional<ProposalStatus> status(String reference) {
    Instant now = Inputs.now();
    List<ProposalStatus> found = jdbc.query("select * from proposal where reference = ?", (rs, row) -> {
      OffsetDateTime deadline = rs.getObject("call_deadline", OffsetDateTime.class);
      OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
      String stage = rs.getString("stage");
      return new ProposalStatus(reference, rs.getString("acronym"), rs.getString("title"), rs.getString("cluster"),
          rs.getString("programme"), stage, deadline, Duration.between(now, deadline.toInstant()).toDays(),
          consortium(reference), drafting(stage, rs.getString("drafting_progress")), risks(stage, deadline, updated, now),
          rs.getBigDecimal("regional_share"), rs.getBigDecimal("requested_budget"), rs.getBigDecimal("granted_amount"),
          rs.getBigDecimal("granted_regional_share"), updated, rs.getString("process_instance_id"));
    }, reference);
    return found.stream().findFirst();
  }

  private ProposalStatus.Consortium consortium(String reference) {
    List<Map<String, Object>> partners = jdbc.queryForList(
        "select country, confirmed from proposal_partner where reference = ? order by id", reference);
    long confirmed = partners.stream().filter(p -> Boolean.TRUE.equals(p.get("confirmed"))).count();
    List<String> countries = partners.stream().map(p -> p.get("country").toString().trim()).distinct().sorted().toList();
    return new ProposalStatus.Consortium(partners.size(), confirmed, countries);
  }

  /** While drafting, the progress its last section update aggregated (e.g. "3/4 sections ready ..."). */
  private static String drafting(String stage, String progress) {
    return switch (stage) {
      case "SCREENING", "IDEA_REWORK", "PARTNER_SEARCH", "DECLINED" -> "not started";
      case "DRAFTING" -> progress == null ? "not started" : progress;
      case "FINAL_APPROVAL" -> "reviewed, awaiting approval";
      case "SUBMISSION" -> "approved for submission";
      case "WITHDRAWN" -> "stopped";
      default -> "submitted";
    };
  }

  private AtRisk atRisk(ResultSet rs, Instant now) throws SQLException {
    OffsetDateTime deadline = rs.getObject("call_deadline", OffsetDateTime.class);
    String stage = rs.getString("stage");
    return new AtRisk(rs.getString("reference"), rs.getString("acronym"), rs.getString("title"), rs.getString("cluster"),
        stage, deadline, Duration.between(now, deadline.toInstant()).toDays(),
        risks(stage, deadline, rs.getObject("updated_at", OffsetDateTime.class), now), rs.getString("process_instance_id"));
  }

  /** What a manager should look at in a proposal still being prepared; nothing once it is submitted or over. */
  static List<String> risks(String stage, OffsetDateTime deadline, OffsetDateTime updated, Instant now) {
    if (!PREPARING_STAGES.contains(stage)) {
      return List.of();
    }
    long days = Duration.between(now, deadline.toInstant()).toDays();
    List<String> risks = new ArrayList<>();
    boolean consortiumOpen = List.of("SCREENING", "IDEA_REWORK", "PARTNER_SEARCH").contains(stage);
    if (deadline.toInstant().isBefore(now)) {
      risks.add("call deadline passed before submission");
    } else if (days < 30 && consortiumOpen) {
      risks.add("consortium not settled " + days + " days before the deadline");
    }
    if (days < 7 && !stage.equals("SUBMISSION") && !deadline.toInstant().isBefore(now)) {
      risks.add("not approved for submission " + days + " days before the deadline");
    }
    long quietDays = Duration.between(updated.toInstant(), now).toDays();
    if (quietDays >= 14) {
      risks.add("no activity for " + quietDays + " days");
    }
    return Collections.unmodifiableList(risks);
  }

  private static BigDecimal euros(BigDecimal value) {
    return (value == null ? BigDecimal.ZERO : value).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private record Where(String sql, List<Object> values) {
    Object[] args() {
      return values.toArray();
    }
  }

  private static Where where(PortfolioFilter filter) {
    return where(filter, null);
  }

  /**
   * The filter as SQL. With the table's first and last launch, a bound that leaves no proposal out
   * is left off: a period covering the whole table then reads it straight through, which databases
   * do faster than through the launch-date index.
   */
  private static Where where(PortfolioFilter filter, Launches launches) {
    OffsetDateTime from = filter.from().atStartOfDay(Inputs.PEOPLE_ZONE).toOffsetDateTime();
    OffsetDateTime to = filter.to().atStartOfDay(Inputs.PEOPLE_ZONE).toOffsetDateTime();
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (launches == null || launches.first() == null || from.isAfter(launches.first())) {
      conditions.add("created_at >= ?");
      values.add(from);
    }
    // a proposal launched while this runs has now as its launch: the end bound goes only when it is later
    boolean toAfterEveryLaunch = launches != null && launches.last() != null && to.isAfter(launches.last())
        && to.toInstant().isAfter(Inputs.now());
    if (!toAfterEveryLaunch) {
      conditions.add("created_at < ?");
      values.add(to);
    }
    if (filter.clusters() != null) {
      conditions.add("cluster in (" + String.join(", ", Collections.nCopies(Math.max(1, filter.clusters().size()), "?"))
          + ")");
      values.addAll(filter.clusters().isEmpty() ? List.of("-") : filter.clusters());
    }
    if (filter.programme() != null) {
      conditions.add("programme = ?");
      values.add(filter.programme());
    }
    return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), values);
  }

  private record Launches(OffsetDateTime first, OffsetDateTime last) {
  }

  /** The first and last launch in the table, from the launch-date index. */
  private Launches launches() {
    return jdbc.queryForObject("select min(created_at) as first_launch, max(created_at) as last_launch from proposal",
        (rs, row) -> new Launches(rs.getObject("first_launch", OffsetDateTime.class),
            rs.getObject("last_launch", OffsetDateTime.class)));
  }

}
