-- Days on which the site-wide cap on new help questions turned questions away: a count per
-- day and nothing about who, shown to the coordinator; deleted with the other counts.
CREATE TABLE cap_notices (
    kind TEXT NOT NULL,
    day BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (kind, day)
);
