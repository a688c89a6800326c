-- Jobbro schema, version 7: occupation codes as long as ESCO's (1324.3.1.6.10 has 13 characters; 40 leaves room).
-- The import used to skip such occupations and their skill relations. The one foreign key on these columns is
-- dropped while both sides change width, then restored as it was.
ALTER TABLE occupation_skill DROP FOREIGN KEY fk_os_occupation;
ALTER TABLE occupation MODIFY code VARCHAR(40) NOT NULL;
ALTER TABLE occupation MODIFY broader_code VARCHAR(40) NULL;
ALTER TABLE occupation_skill MODIFY occupation_code VARCHAR(40) NOT NULL;
ALTER TABLE occupation_skill ADD CONSTRAINT fk_os_occupation FOREIGN KEY (occupation_code)
    REFERENCES occupation (code) ON DELETE CASCADE;
ALTER TABLE posting MODIFY occupation_code VARCHAR(40) NOT NULL;
ALTER TABLE not_for_citizen MODIFY occupation_code VARCHAR(40) NULL;
