-- Jobbro schema, version 5: the audit trail of access to citizens' data (dk.jobbro.security).

-- Who read or changed which citizen's data, when, through which endpoint. Only ids and route templates: never
-- values from the data. No foreign key to citizen: the trail outlives an erased citizen (it proves the erasure).
CREATE TABLE audit_entry (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    subject      VARCHAR(200)  NOT NULL,
    role         VARCHAR(20)   NOT NULL,
    action       VARCHAR(10)   NOT NULL,
    citizen_id   BIGINT        NOT NULL,
    endpoint     VARCHAR(200)  NOT NULL,
    status       SMALLINT      NOT NULL,
    CONSTRAINT ck_audit_action CHECK (action IN ('READ', 'CREATE', 'CHANGE', 'EXPORT', 'ERASE', 'DENIED')),
    INDEX ix_audit_citizen (citizen_id, id),
    INDEX ix_audit_occurred (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: an entry is never changed. Deletion is left to the retention purge (config/retention.yml).
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only';
