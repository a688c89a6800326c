-- A consultant's "not for this citizen": an employer or an occupation kept out of a citizen's matches,
-- with the reason kept (professional judgement is recorded, never silent).
CREATE TABLE not_for_citizen (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id       BIGINT        NOT NULL,
    employer_id      BIGINT        NULL,
    occupation_code  VARCHAR(12)   NULL,
    reason           VARCHAR(500)  NOT NULL,
    recorded_by      VARCHAR(100)  NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_nfc_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE,
    CONSTRAINT fk_nfc_employer FOREIGN KEY (employer_id) REFERENCES employer (id) ON DELETE CASCADE,
    CONSTRAINT ck_nfc_target CHECK ((employer_id IS NULL) <> (occupation_code IS NULL)),
    INDEX ix_nfc_citizen (citizen_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
