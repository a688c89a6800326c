-- Every change to what matching reads of a citizen (profile, status, "not for this citizen" entries, erasure), so
-- that every replica's citizen index follows it (search/CitizenFollower), deletions included. Ids only, like the
-- audit trail: an erasure deletes the citizen's earlier rows and leaves one that says the id is gone.
CREATE TABLE citizen_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id  BIGINT      NOT NULL,
    changed_at  DATETIME(6) NOT NULL,
    INDEX ix_citizen_change_at (changed_at)
);
