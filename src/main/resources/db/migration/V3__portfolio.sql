-- Portfolio aggregation: when a proposal passed screening, and indexes for the filters managers use.
alter table proposal add column screened_at timestamp with time zone;
create index ix_proposal_programme on proposal (programme);
create index ix_proposal_cluster_created on proposal (cluster, created_at);
