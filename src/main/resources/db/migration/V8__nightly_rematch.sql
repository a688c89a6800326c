-- Jobbro schema, version 8: the nightly re-matching run (dk.jobbro.rematch) on db-scheduler.

-- db-scheduler's own table (its MySQL/MariaDB schema, 16.x): one row per scheduled task instance. Instances of
-- the service share it; a row picked by an instance that stops sending heartbeats is taken again by another.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) NULL,
    last_failure         TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance),
    INDEX execution_time_idx (execution_time),
    INDEX last_heartbeat_idx (last_heartbeat),
    INDEX priority_execution_time_idx (priority DESC, execution_time ASC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One re-matching run. `running` is 1 while the run is under way and NULL after: the unique key lets only one
-- run be under way at a time, across every instance (a second start fails on it and names the running one).
CREATE TABLE rematch_run (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    state               VARCHAR(10)  NOT NULL,
    started_by          VARCHAR(10)  NOT NULL,
    running             TINYINT      NULL,
    started_at          DATETIME(6)  NOT NULL,
    prepared_at         DATETIME(6)  NULL,
    finished_at         DATETIME(6)  NULL,
    total_citizens      INT          NOT NULL DEFAULT 0,
    postings_expired    INT          NULL,
    flags_evaluated     INT          NULL,
    prepare_millis      BIGINT       NULL,
    top_n               INT          NOT NULL,
    fatigue_cap         INT          NOT NULL,
    ranking_version     VARCHAR(100) NOT NULL,
    eligibility_version VARCHAR(100) NOT NULL,
    report              JSON         NULL,
    CONSTRAINT ck_rematch_state CHECK (state IN ('PREPARING', 'MATCHING', 'FINISHING', 'DONE')),
    CONSTRAINT uq_rematch_running UNIQUE (running),
    INDEX ix_rematch_run_finished (state, finished_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A run's citizens in chunks of consecutive ids; each chunk is one db-scheduler task. A chunk's results and its
-- DONE state are written in one transaction, so a chunk is either wholly there or not at all.
CREATE TABLE rematch_chunk (
    run_id        BIGINT      NOT NULL,
    chunk_no      INT         NOT NULL,
    first_id      BIGINT      NOT NULL,
    last_id       BIGINT      NOT NULL,
    citizens      INT         NOT NULL,
    state         VARCHAR(10) NOT NULL,
    matched       INT         NOT NULL DEFAULT 0,
    failed        INT         NOT NULL DEFAULT 0,
    done_by       VARCHAR(100) NULL,
    done_at       DATETIME(6) NULL,
    millis        BIGINT      NULL,
    PRIMARY KEY (run_id, chunk_no),
    CONSTRAINT fk_rematch_chunk_run FOREIGN KEY (run_id) REFERENCES rematch_run (id) ON DELETE CASCADE,
    CONSTRAINT ck_rematch_chunk_state CHECK (state IN ('PENDING', 'DONE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A citizen's stored matches of a run. While the run matches, every candidate (top N plus spares) is here with
-- rank NULL; the run's last step keeps the top N each under the employer fatigue cap, ranks them, compares them
-- with the citizen's previous run and adds the previous run's matches that dropped out (change DROPPED, rank
-- NULL). Score components only: no circumstance, flag or note reaches this table.
CREATE TABLE rematch_match (
    run_id              BIGINT       NOT NULL,
    citizen_id          BIGINT       NOT NULL,
    posting_id          BIGINT       NOT NULL,
    employer_id         BIGINT       NOT NULL,
    score               DOUBLE       NOT NULL,
    match_rank          SMALLINT     NULL,
    change_kind         VARCHAR(10)  NULL,
    previous_score      DOUBLE       NULL,
    components          JSON         NOT NULL,
    ranking_version     VARCHAR(100) NOT NULL,
    eligibility_version VARCHAR(100) NOT NULL,
    PRIMARY KEY (run_id, citizen_id, posting_id),
    CONSTRAINT fk_rematch_match_run FOREIGN KEY (run_id) REFERENCES rematch_run (id) ON DELETE CASCADE,
    CONSTRAINT ck_rematch_change CHECK (change_kind IS NULL
        OR change_kind IN ('NEW', 'IMPROVED', 'UNCHANGED', 'LOWER', 'DROPPED')),
    INDEX ix_rematch_match_citizen (citizen_id, run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A citizen whose matching failed in a run, with the error (a class and message, never profile values).
CREATE TABLE rematch_failure (
    run_id     BIGINT        NOT NULL,
    citizen_id BIGINT        NOT NULL,
    error      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (run_id, citizen_id),
    CONSTRAINT fk_rematch_failure_run FOREIGN KEY (run_id) REFERENCES rematch_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
