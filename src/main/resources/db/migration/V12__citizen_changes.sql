-- Every change to what matching reads of a citizen (profile, status, "not for this citizen" entries), so
-- that every replica's citizen index follows it (search/CitizenFollower). Ids only; an erasure deletes the
-- citizen's rows here with the rest, and replicas follow it from its audit entry instead.
CREATE TABLE citizen_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id  BIGINT      NOT NULL,
    changed_at  DATETIME(6) NOT NULL,
    INDEX ix_citizen_change_at (changed_at)
);
