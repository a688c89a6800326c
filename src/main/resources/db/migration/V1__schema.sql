-- Jobbro schema, version 1. The database is the source of truth; the Lucene index is derived from it.
-- Lists that always travel with their owner (skills, support, demands, languages) are JSON columns:
-- they are read and written whole, and searched through the index, never by SQL.

CREATE TABLE employer (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    cvr                 CHAR(8)       NOT NULL,
    p_number            CHAR(10)      NULL,
    street              VARCHAR(200)  NULL,
    postcode            CHAR(4)       NOT NULL,
    city                VARCHAR(100)  NULL,
    latitude            DOUBLE        NOT NULL,
    longitude           DOUBLE        NOT NULL,
    ordinary_employees  INT           NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT uq_employer_cvr_p UNIQUE (cvr, p_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE posting (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    employer_id               BIGINT        NOT NULL,
    kind                      VARCHAR(20)   NOT NULL,
    status                    VARCHAR(10)   NOT NULL,
    title                     VARCHAR(200)  NOT NULL,
    description               TEXT          NOT NULL,
    occupation_code           VARCHAR(12)   NOT NULL,
    required_skills           JSON          NOT NULL,
    desired_skills            JSON          NOT NULL,
    street                    VARCHAR(200)  NULL,
    postcode                  CHAR(4)       NOT NULL,
    city                      VARCHAR(100)  NULL,
    latitude                  DOUBLE        NOT NULL,
    longitude                 DOUBLE        NOT NULL,
    hours_min                 INT           NOT NULL,
    hours_max                 INT           NOT NULL,
    start_date                DATE          NULL,
    application_deadline      DATE          NULL,
    end_date                  DATE          NULL,
    slots                     INT           NOT NULL,
    slots_filled              INT           NOT NULL,
    support_offered           JSON          NOT NULL,
    physical_demands          JSON          NOT NULL,
    driving_licence_required  BOOLEAN       NOT NULL,
    language_requirements     JSON          NOT NULL,
    created_at                DATETIME(6)   NOT NULL,
    updated_at                DATETIME(6)   NOT NULL,
    CONSTRAINT fk_posting_employer FOREIGN KEY (employer_id) REFERENCES employer (id),
    CONSTRAINT ck_posting_kind CHECK (kind IN ('ORDINARY_JOB', 'INTERNSHIP', 'WAGE_SUBSIDY')),
    CONSTRAINT ck_posting_status CHECK (status IN ('DRAFT', 'OPEN', 'FILLED', 'CLOSED', 'EXPIRED')),
    CONSTRAINT ck_posting_hours CHECK (hours_min >= 0 AND hours_min <= hours_max AND hours_max <= 80),
    CONSTRAINT ck_posting_slots CHECK (slots >= 1 AND slots_filled >= 0 AND slots_filled <= slots),
    INDEX ix_posting_employer (employer_id),
    INDEX ix_posting_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE citizen (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    jobcentre           VARCHAR(100)  NOT NULL,
    target_group        VARCHAR(40)   NOT NULL,
    home_postcode       CHAR(4)       NOT NULL,
    home_latitude       DOUBLE        NOT NULL,
    home_longitude      DOUBLE        NOT NULL,
    max_commute_km      INT           NOT NULL,
    max_hours_per_week  INT           NOT NULL,
    available_from      DATE          NULL,
    skills              JSON          NOT NULL,
    occupations_held    JSON          NOT NULL,
    occupations_wanted  JSON          NOT NULL,
    health_limitations  JSON          NOT NULL,
    support_needs       JSON          NOT NULL,
    driving_licence     BOOLEAN       NOT NULL,
    languages           JSON          NOT NULL,
    active              BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    INDEX ix_citizen_jobcentre (jobcentre),
    INDEX ix_citizen_location (home_latitude, home_longitude)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sensitive personal data (special category). Read by consultants and the flag rules only.
CREATE TABLE citizen_circumstance (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    citizen_id    BIGINT        NOT NULL,
    area          VARCHAR(40)   NOT NULL,
    severity      VARCHAR(10)   NOT NULL,
    handled       BOOLEAN       NOT NULL,
    recorded_on   DATE          NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_circumstance_citizen FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE,
    CONSTRAINT ck_circumstance_severity CHECK (severity IN ('NONE', 'MILD', 'MODERATE', 'SEVERE')),
    INDEX ix_circumstance_citizen (citizen_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE occupation (
    code        VARCHAR(12)   PRIMARY KEY,
    label_da    VARCHAR(200)  NOT NULL,
    label_en    VARCHAR(200)  NOT NULL,
    synonyms_da VARCHAR(1000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE skill (
    code        VARCHAR(100)  PRIMARY KEY,
    label_da    VARCHAR(200)  NOT NULL,
    label_en    VARCHAR(200)  NOT NULL,
    synonyms_da VARCHAR(1000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE occupation_skill (
    occupation_code VARCHAR(12)  NOT NULL,
    skill_code      VARCHAR(100) NOT NULL,
    relation        VARCHAR(10)  NOT NULL,
    PRIMARY KEY (occupation_code, skill_code),
    CONSTRAINT fk_os_occupation FOREIGN KEY (occupation_code) REFERENCES occupation (code) ON DELETE CASCADE,
    CONSTRAINT fk_os_skill FOREIGN KEY (skill_code) REFERENCES skill (code) ON DELETE CASCADE,
    CONSTRAINT ck_os_relation CHECK (relation IN ('essential', 'optional'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
