-- Every replica follows the postings and employers changed recently (search/ReplicaFollower) by updated_at.
CREATE INDEX ix_posting_updated ON posting (updated_at);
CREATE INDEX ix_employer_updated ON employer (updated_at);
