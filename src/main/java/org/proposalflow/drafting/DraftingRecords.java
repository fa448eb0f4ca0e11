package org.proposalflow.drafting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sections and budget lines of proposals, written in the engine's transaction. */
@Repository
public class DraftingRecords {

  private final JdbcTemplate jdbc;

  public DraftingRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<DraftSection> sections(String reference) {
    return jdbc.query("select * from drafting_section where reference = ? order by position", DraftingRecords::section,
        reference);
  }

  public DraftSection section(String reference, String code) {
    return jdbc.query("select * from drafting_section where reference = ? and section_code = ?",
        DraftingRecords::section, reference, code).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException(reference + " has no section " + code));
  }

  /** The lead's plan: new sections are added, planned ones get their owner and due dates and are written again. */
  public void plan(String reference, DraftSection section) {
    int updated = jdbc.update("""
        update drafting_section set title = ?, position = ?, owner_id = ?, first_draft_due = ?, final_due = ?,
          status = ?, revision_rounds = 0, updated_at = ? where reference = ? and section_code = ?""",
        section.title(), section.position(), section.owner(), utc(section.firstDraftDue()), utc(section.finalDue()),
        DraftSection.DRAFTING, utc(Inputs.now()), reference, section.code());
    if (updated == 0) {
      jdbc.update("""
          insert into drafting_section (reference, section_code, title, position, owner_id, first_draft_due, final_due,
            status, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          reference, section.code(), section.title(), section.position(), section.owner(), utc(section.firstDraftDue()),
          utc(section.finalDue()), DraftSection.DRAFTING, utc(Inputs.now()));
    }
  }

  public void write(String reference, String code, String documentUrl, int pages, String status, String notes) {
    jdbc.update("""
        update drafting_section set document_url = ?, pages = ?, status = ?, notes = ?, updated_at = ?
        where reference = ? and section_code = ?""",
        documentUrl, pages, status, notes, utc(Inputs.now()), reference, code);
  }

  public void review(String reference, String code, boolean approved, String comment, String reviewer) {
    jdbc.update("""
        update drafting_section set status = ?, review_comment = ?, reviewed_by = ?,
          revision_rounds = revision_rounds + ?, updated_at = ? where reference = ? and section_code = ?""",
        approved ? DraftSection.APPROVED : DraftSection.REVISIONS, comment, reviewer, approved ? 0 : 1,
        utc(Inputs.now()), reference, code);
  }

  /** Sent back to writing without a review, e.g. to repair a compliance finding. */
  public void reopen(String reference, String code) {
    jdbc.update("update drafting_section set status = ?, revision_rounds = revision_rounds + 1, updated_at = ? "
        + "where reference = ? and section_code = ?", DraftSection.DRAFTING, utc(Inputs.now()), reference, code);
  }

  public void attachFeedback(String reference, String code, String feedback) {
    jdbc.update("update drafting_section set evaluator_feedback = ? where reference = ? and section_code = ?",
        feedback, reference, code);
  }

  public List<Budget.Entry> budgetEntries(String reference) {
    return jdbc.query("select * from drafting_budget_line where reference = ? order by partner",
        (rs, row) -> new Budget.Entry(rs.getString("partner"), rs.getString("organisation_type"),
            rs.getBoolean("regional"), rs.getBigDecimal("personnel"), rs.getBigDecimal("subcontracting"),
            rs.getBigDecimal("other_direct")), reference);
  }

  /** The stored totals, as computed when the budget was saved. */
  public BigDecimal storedBudgetTotal(String reference) {
    return jdbc.queryForObject("select sum(total) from drafting_budget_line where reference = ?", BigDecimal.class,
        reference);
  }

  public void saveBudget(String reference, Budget budget) {
    jdbc.update("delete from drafting_budget_line where reference = ?", reference);
    for (Budget.Line line : budget.lines()) {
      Budget.Entry entry = line.entry();
      jdbc.update("""
          insert into drafting_budget_line (reference, partner, organisation_type, regional, personnel, subcontracting,
            other_direct, indirect, total, funding_rate, requested) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          reference, entry.partner(), entry.organisationType(), entry.regional(), entry.personnel(),
          entry.subcontracting(), entry.otherDirect(), line.indirect(), line.total(), line.fundingRate(),
          line.requested());
    }
    jdbc.update("update proposal set budget_total = ?, budget_requested = ?, budget_regional = ? where reference = ?",
        budget.total(), budget.requested(), budget.regionalRequested(), reference);
  }

  public void saveProgress(String reference, DraftingProgress progress) {
    jdbc.update("""
        update proposal set drafting_progress = ?, sections_ready = ?, sections_total = ?, pages_written = ?,
          page_limit = ?, sections_overdue = ?, updated_at = ? where reference = ?""",
        progress.summary(), progress.ready(), progress.total(), progress.pages(), progress.pageLimit(),
        progress.overdue(), utc(Inputs.now()), reference);
  }

  public void saveCompliance(String reference, int findings) {
    jdbc.update("update proposal set compliance_findings = ?, updated_at = ? where reference = ?", findings,
        utc(Inputs.now()), reference);
  }

  private static DraftSection section(ResultSet rs, int row) throws SQLException {
    return new DraftSection(rs.getString("section_code"), rs.getString("title"), rs.getInt("position"),
        rs.getString("owner_id"), instant(rs, "first_draft_due"), instant(rs, "final_due"), rs.getString("document_url"),
        (Integer) rs.getObject("pages", Integer.class), rs.getString("status"), rs.getString("notes"),
        rs.getString("review_comment"), rs.getString("reviewed_by"), rs.getInt("revision_rounds"),
        rs.getString("evaluator_feedback"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
