-- Jobbro schema, version 2: flags for parallel social interventions (dk.jobbro.flagging, docs/flagging.md).

-- One circumstance per area and citizen; what handles it is a code, never free text (sensitive data).
ALTER TABLE citizen_circumstance
    ADD COLUMN handled_by VARCHAR(30) NULL AFTER handled,
    ADD CONSTRAINT uq_circumstance_area UNIQUE (citizen_id, area),
    ADD CONSTRAINT ck_circumstance_area CHECK (area IN ('HOUSING', 'SUBSTANCE_USE', 'MENTAL_HEALTH',
        'PHYSICAL_HEALTH', 'DEBT_AND_ECONOMY', 'FAMILY_AND_CARE', 'CRIMINAL_RECORD', 'READING_AND_WRITING',
        'SOCIAL_NETWORK', 'LANGUAGE'));

-- Every rule-set version ever used, with its rules: together with an evaluation's inputs, any past decision
-- can be reproduced. A version is never recorded twice with different rules.
CREATE TABLE flag_ruleset (
    version      VARCHAR(60)   PRIMARY KEY,
    rules        JSON          NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each evaluation: when, why it ran, the inputs as they were, the rule-set version and the outcome. Append only.
CREATE TABLE flag_evaluation (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id       BIGINT        NOT NULL,
    evaluated_at     DATETIME(6)   NOT NULL,
    trigger_event    VARCHAR(30)   NOT NULL,
    ruleset_version  VARCHAR(60)   NOT NULL,
    inputs           JSON          NOT NULL,
    result           JSON          NOT NULL,
    flagged          BOOLEAN       NOT NULL,
    urgency          VARCHAR(10)   NULL,
    CONSTRAINT fk_evaluation_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE,
    CONSTRAINT fk_evaluation_ruleset FOREIGN KEY (ruleset_version) REFERENCES flag_ruleset (version),
    CONSTRAINT ck_evaluation_trigger CHECK (trigger_event IN ('CIRCUMSTANCES_CHANGED', 'NIGHTLY')),
    CONSTRAINT ck_evaluation_urgency CHECK (urgency IS NULL OR urgency IN ('ACUTE', 'HIGH', 'NORMAL')),
    INDEX ix_evaluation_citizen (citizen_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A consultant's acknowledgement or overrule of a flag (professional judgement), never silent. It applies as long
-- as later evaluations give the same reason codes; a changed situation asks for a new judgement.
CREATE TABLE flag_review (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id     BIGINT         NOT NULL,
    evaluation_id  BIGINT         NOT NULL,
    action         VARCHAR(20)    NOT NULL,
    reason_codes   JSON           NOT NULL,
    reason         VARCHAR(1000)  NULL,
    reviewed_by    VARCHAR(100)   NULL,
    reviewed_at    DATETIME(6)    NOT NULL,
    CONSTRAINT fk_review_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_evaluation FOREIGN KEY (evaluation_id) REFERENCES flag_evaluation (id) ON DELETE CASCADE,
    CONSTRAINT ck_review_action CHECK (action IN ('ACKNOWLEDGED', 'OVERRIDDEN')),
    CONSTRAINT ck_review_reason CHECK (action <> 'OVERRIDDEN' OR reason IS NOT NULL),
    INDEX ix_review_citizen (citizen_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
