-- The portfolio's figures are counts and sums per cluster, stage and programme over every proposal
-- of the period. This index holds every column they read, in group order, so H2 (the embedded
-- default) reads the index in order instead of every whole row: over 10,000 proposals about 5
-- instead of 9 ms in the benchmark. PostgreSQL keeps reading the table for it (a hash aggregate).
create index ix_proposal_figures on proposal (cluster, stage, programme, created_at, screened_at, submitted_at,
  requested_budget, granted_amount, granted_regional_share);
