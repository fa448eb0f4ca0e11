-- The at-risk list reads the few proposals still being prepared, soonest deadline first, however many
-- decided ones the table holds.
create index ix_proposal_stage_deadline on proposal (stage, call_deadline);
