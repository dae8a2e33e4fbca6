-- Every change to a person or to their face templates, numbered in commit order, so that each node
-- (and the command line on H2) brings its in-memory people and gallery up to date by reading only the
-- changes after the number it has seen. The one-row counter is bumped by the changing transaction as
-- its last lock and held to its commit, so the numbers follow the commits with no gaps.
CREATE TABLE people_version (
    id      INT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO people_version (id, version) VALUES (1, 0);

CREATE TABLE people_change (
    version    BIGINT NOT NULL PRIMARY KEY,
    -- the person (person.id) whose fields or templates changed; NULL: every person
    person_ref BIGINT
);
