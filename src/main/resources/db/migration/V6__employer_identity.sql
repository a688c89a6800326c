-- The head count an employer reports waits for a consultant's confirmation; the ratio rule reads only the
-- confirmed figure (employer.ordinary_employees). Changes an employer makes to its own record are audited.
ALTER TABLE employer ADD COLUMN ordinary_employees_reported INT NULL;

CREATE TABLE employer_change (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    employer_id  BIGINT        NOT NULL,
    subject      VARCHAR(200)  NOT NULL,
    role         VARCHAR(20)   NOT NULL,
    field        VARCHAR(50)   NOT NULL,
    INDEX ix_employer_change (employer_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER employer_change_append_only BEFORE UPDATE ON employer_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'employer changes are append-only';
