-- Jobbro schema, version 3: an ESCO-compatible taxonomy and a persistent postcode table.
-- Seed occupations keep their DISCO-08 codes; ESCO occupations are keyed by ESCO's own code (e.g. 4321.1),
-- ESCO skills by their concept URI. Alternative labels are newline-separated, as in ESCO's CSV files.

CREATE TABLE isco_group (
    code        VARCHAR(4)    PRIMARY KEY,
    esco_uri    VARCHAR(255)  NULL,
    label_da    VARCHAR(500)  NOT NULL DEFAULT '',
    label_en    VARCHAR(500)  NOT NULL DEFAULT '',
    CONSTRAINT uq_isco_group_uri UNIQUE (esco_uri)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE occupation
    MODIFY label_da      VARCHAR(500)  NOT NULL,
    MODIFY label_en      VARCHAR(500)  NOT NULL,
    MODIFY synonyms_da   VARCHAR(1000) NOT NULL DEFAULT '',
    ADD COLUMN esco_uri      VARCHAR(255) NULL,
    ADD COLUMN isco_group    VARCHAR(4)   NULL,
    ADD COLUMN broader_code  VARCHAR(12)  NULL,
    ADD COLUMN alt_labels_da TEXT         NOT NULL DEFAULT '',
    ADD COLUMN alt_labels_en TEXT         NOT NULL DEFAULT '',
    ADD CONSTRAINT uq_occupation_uri UNIQUE (esco_uri),
    ADD INDEX ix_occupation_isco_group (isco_group);

-- DISCO-08 codes begin with the ISCO-08 unit group.
UPDATE occupation SET isco_group = LEFT(code, 4) WHERE isco_group IS NULL AND code REGEXP '^[0-9]{4}';

ALTER TABLE skill
    MODIFY label_da      VARCHAR(500)  NOT NULL,
    MODIFY label_en      VARCHAR(500)  NOT NULL,
    MODIFY synonyms_da   VARCHAR(1000) NOT NULL DEFAULT '',
    ADD COLUMN esco_uri      VARCHAR(255) NULL,
    ADD COLUMN skill_type    VARCHAR(40)  NOT NULL DEFAULT '',
    ADD COLUMN reuse_level   VARCHAR(40)  NOT NULL DEFAULT '',
    ADD COLUMN alt_labels_da TEXT         NOT NULL DEFAULT '',
    ADD COLUMN alt_labels_en TEXT         NOT NULL DEFAULT '',
    ADD CONSTRAINT uq_skill_uri UNIQUE (esco_uri);

CREATE TABLE postcode (
    postcode   CHAR(4)       PRIMARY KEY,
    name       VARCHAR(100)  NOT NULL,
    latitude   DOUBLE        NOT NULL,
    longitude  DOUBLE        NOT NULL,
    CONSTRAINT ck_postcode_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_postcode_longitude CHECK (longitude BETWEEN -180 AND 180)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
