package org.proposalflow.proposal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.proposalflow.validation.Inputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The application's proposal table. Every method runs in the caller's transaction, which inside a
 * delegate or listener is the engine's: the record changes exactly when the process step commits.
 */
@Repository
public class ProposalRecords {

  private static final String COLUMNS = "reference, process_instance_id, title, acronym, cluster, programme, "
      + "call_identifier, call_deadline, estimated_budget, regional_share, stage, document_url, submission_id, "
      + "submitted_at, requested_budget, evaluation_result, evaluation_feedback, granted_amount, "
      + "granted_regional_share, resubmission_count, withdraw_reason, closed_at";

  private final JdbcTemplate jdbc;

  public ProposalRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String reference, String processInstanceId, Idea idea, ProposalStage stage) {
    OffsetDateTime now = utcNow();
    jdbc.update("insert into proposal (reference, process_instance_id, title, acronym, cluster, summary, programme, "
            + "call_identifier, call_deadline, estimated_budget, regional_share, lead_organisation, contact_person, "
            + "contact_email, stage, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reference, processInstanceId, idea.title(), idea.acronym(), idea.cluster().code(), idea.summary(),
        idea.programme(), idea.callIdentifier(), utc(idea.callDeadline()), idea.estimatedBudget(),
        idea.regionalShare(), idea.leadOrganisation(), idea.contactPerson(), idea.contactEmail(), stage.name(), now, now);
  }

  public void updateIdea(String reference, Idea idea) {
    update(reference, "title = ?, acronym = ?, cluster = ?, summary = ?, programme = ?, call_identifier = ?, "
            + "call_deadline = ?, estimated_budget = ?, regional_share = ?, lead_organisation = ?, contact_person = ?, "
            + "contact_email = ?",
        idea.title(), idea.acronym(), idea.cluster().code(), idea.summary(), idea.programme(), idea.callIdentifier(),
        utc(idea.callDeadline()), idea.estimatedBudget(), idea.regionalShare(), idea.leadOrganisation(),
        idea.contactPerson(), idea.contactEmail());
  }

  public void updateStage(String reference, ProposalStage stage) {
    update(reference, "stage = ?, closed_at = ?", stage.name(), stage.isFinal() ? utcNow() : null);
  }

  /** The idea passed screening (go or no-go), counted once even when it is screened again later. */
  public void recordScreened(String reference) {
    update(reference, "screened_at = coalesce(screened_at, ?)", utcNow());
  }

  public void recordDocument(String reference, String documentUrl) {
    update(reference, "document_url = ?", documentUrl);
  }

  public void recordSubmission(String reference, String submissionId, OffsetDateTime submittedAt, BigDecimal requested) {
    update(reference, "submission_id = ?, submitted_at = ?, requested_budget = ?", submissionId, utc(submittedAt), requested);
  }

  public void recordFunded(String reference, BigDecimal grantedAmount, BigDecimal grantedRegionalShare) {
    update(reference, "evaluation_result = 'FUNDED', granted_amount = ?, granted_regional_share = ?",
        grantedAmount, grantedRegionalShare);
  }

  public void recordRejected(String reference, String scores, String feedback) {
    update(reference, "evaluation_result = 'REJECTED', evaluation_scores = ?, evaluation_feedback = ?", scores, feedback);
  }

  public void recordReserveList(String reference) {
    update(reference, "evaluation_result = 'RESERVE_LIST'");
  }

  public void recordGrantAgreement(String reference, String agreementNumber, LocalDate projectStart) {
    update(reference, "grant_agreement_number = ?, project_start_date = ?", agreementNumber, projectStart);
  }

  public void recordResubmission(String reference, String callIdentifier, OffsetDateTime callDeadline) {
    update(reference, "call_identifier = ?, call_deadline = ?, resubmission_count = resubmission_count + 1, "
        + "evaluation_result = null", callIdentifier, utc(callDeadline));
  }

  public void recordCallDeadline(String reference, OffsetDateTime callDeadline) {
    update(reference, "call_deadline = ?", utc(callDeadline));
  }

  public void recordWithdrawal(String reference, String reason) {
    update(reference, "withdraw_reason = ?", reason);
  }

  public Optional<Proposal> find(String reference) {
    List<Proposal> found = jdbc.query("select " + COLUMNS + " from proposal where reference = ?", this::map, reference);
    return found.stream().findFirst();
  }

  public List<Proposal> findByCluster(String cluster) {
    return jdbc.query("select " + COLUMNS + " from proposal where cluster = ? order by reference", this::map, cluster);
  }

  public long count() {
    return jdbc.queryForObject("select count(*) from proposal", Long.class);
  }

  private void update(String reference, String assignments, Object... values) {
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = utcNow();
    args[values.length + 1] = reference;
    int rows = jdbc.update("update proposal set " + assignments + ", updated_at = ? where reference = ?", args);
    if (rows != 1) {
      throw new IllegalStateException("No proposal record with reference " + reference);
    }
  }

  private Proposal map(ResultSet rs, int row) throws SQLException {
    return new Proposal(
        rs.getString("reference"),
        rs.getString("process_instance_id"),
        rs.getString("title"),
        rs.getString("acronym"),
        rs.getString("cluster"),
        rs.getString("programme"),
        rs.getString("call_identifier"),
        rs.getObject("call_deadline", OffsetDateTime.class),
        rs.getBigDecimal("estimated_budget"),
        rs.getBigDecimal("regional_share"),
        ProposalStage.valueOf(rs.getString("stage")),
        rs.getString("document_url"),
        rs.getString("submission_id"),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getBigDecimal("requested_budget"),
        rs.getString("evaluation_result"),
        rs.getString("evaluation_feedback"),
        rs.getBigDecimal("granted_amount"),
        rs.getBigDecimal("granted_regional_share"),
        rs.getInt("resubmission_count"),
        rs.getString("withdraw_reason"),
        rs.getObject("closed_at", OffsetDateTime.class));
  }

  private static OffsetDateTime utc(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static OffsetDateTime utcNow() {
    return Inputs.now().atOffset(ZoneOffset.UTC);
  }
}
