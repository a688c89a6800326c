-- Proposals: a consultant proposes a citizen for a posting; the employer answers. The proposal holds only what
-- the employer may see (a first name or alias, skills, occupations, the match explanation without anything
-- sensitive), copied when proposed. Both tables carry citizen_id, so export and erasure find them
-- (security/CitizenRecords). Steps are append-only: who (token subject, role) and when.
CREATE TABLE proposal (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id    BIGINT        NOT NULL,
    posting_id    BIGINT        NOT NULL,
    employer_id   BIGINT        NOT NULL,
    jobcentre     VARCHAR(100)  NOT NULL,
    display_name  VARCHAR(100)  NOT NULL,
    skills        JSON          NOT NULL,
    occupations   JSON          NOT NULL,
    explanation   JSON          NOT NULL,
    note          VARCHAR(1000) NULL,
    status        VARCHAR(20)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_proposal_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id),
    CONSTRAINT fk_proposal_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    INDEX ix_proposal_employer (employer_id, id),
    INDEX ix_proposal_jobcentre (jobcentre, id),
    INDEX ix_proposal_citizen (citizen_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE proposal_step (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id  BIGINT        NOT NULL,
    citizen_id   BIGINT        NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    reason       VARCHAR(1000) NULL,
    subject      VARCHAR(200)  NOT NULL,
    role         VARCHAR(20)   NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_proposal_step_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    INDEX ix_proposal_step (proposal_id, id),
    INDEX ix_proposal_step_citizen (citizen_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER proposal_step_append_only BEFORE UPDATE ON proposal_step FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'proposal steps are append-only';
