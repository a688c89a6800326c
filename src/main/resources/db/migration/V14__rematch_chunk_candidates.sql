-- Jobbro schema, version 14: a re-matching chunk keeps its candidates in its own row until the run's finish
-- (deflated keys and score components, see rematch.ChunkCandidates), and the finish stores each chunk's kept
-- matches as a task of its own (state STORED), so instances share the finish as they share the matching.
-- The candidates are cleared when the run is done: only rematch_match keeps results.
ALTER TABLE rematch_chunk DROP CONSTRAINT ck_rematch_chunk_state;

ALTER TABLE rematch_chunk
    ADD COLUMN candidate_keys       LONGBLOB NULL,
    ADD COLUMN candidate_components LONGBLOB NULL,
    ADD COLUMN ranks                LONGBLOB NULL,
    ADD COLUMN new_matches          INT      NULL,
    ADD COLUMN dropped              INT      NULL,
    ADD CONSTRAINT ck_rematch_chunk_state CHECK (state IN ('PENDING', 'DONE', 'STORED'));

-- The fatigue cap's outcome (counts and spreads for the report), written once by the finish's first step.
ALTER TABLE rematch_run ADD COLUMN allocation JSON NULL;
