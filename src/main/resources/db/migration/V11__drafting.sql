-- Drafting: the sections of a proposal, who writes them, their review, and the budget per partner.
-- Rows stay after drafting ends, so a resubmission starts from the previous content.

create table drafting_section (
  reference varchar(20) not null references proposal (reference),
  section_code varchar(40) not null,
  title varchar(200) not null,
  position int not null,
  owner_id varchar(64) not null,
  first_draft_due timestamp with time zone not null,
  final_due timestamp with time zone not null,
  document_url varchar(1000),
  pages int,
  status varchar(20) not null,
  notes varchar(4000),
  review_comment varchar(4000),
  reviewed_by varchar(64),
  revision_rounds int default 0 not null,
  evaluator_feedback varchar(4000),
  updated_at timestamp with time zone not null,
  primary key (reference, section_code)
);

create table drafting_budget_line (
  reference varchar(20) not null references proposal (reference),
  partner varchar(200) not null,
  organisation_type varchar(30) not null,
  regional boolean not null,
  personnel numeric(15, 2) not null,
  subcontracting numeric(15, 2) not null,
  other_direct numeric(15, 2) not null,
  indirect numeric(15, 2) not null,
  total numeric(15, 2) not null,
  funding_rate numeric(5, 4) not null,
  requested numeric(15, 2) not null,
  primary key (reference, partner)
);

-- Drafting progress per proposal, for Cockpit, the portfolio and the status endpoint.
alter table proposal add column drafting_progress varchar(500);
alter table proposal add column sections_ready int;
alter table proposal add column sections_total int;
alter table proposal add column pages_written int;
alter table proposal add column page_limit int;
alter table proposal add column sections_overdue int;
alter table proposal add column budget_total numeric(15, 2);
alter table proposal add column budget_requested numeric(15, 2);
alter table proposal add column budget_regional numeric(15, 2);
-- findings of the last compliance check, null before the first one
alter table proposal add column compliance_findings int;
