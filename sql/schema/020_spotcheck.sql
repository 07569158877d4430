-- @produces: draws, draw_pool, draw_selection, draw_inspector_pool, draw_inspectors, risk_targeted_checks,
--            inspectors, revocations
-- The yearly spot check (回访抽查). A draw goes frozen -> drawn -> committed; rows are written once per step and
-- never rewritten, except that a superseded draw gets superseded_by/at filled in (pipeline/spotcheck/README.md).
-- Every step is also an audit_log entry, which is what makes an edit to these tables detectable.

CREATE SEQUENCE IF NOT EXISTS draw_id_seq START 1;

CREATE TABLE IF NOT EXISTS draws (
  draw_id        INTEGER PRIMARY KEY DEFAULT nextval('draw_id_seq'),
  year           INTEGER NOT NULL,
  pool_version   INTEGER NOT NULL,     -- 1 for the year's first freeze, 2 for the next, ...
  strata         VARCHAR NOT NULL,     -- none | province | batch | designation
  exclusions     VARCHAR[] NOT NULL,   -- names from pipeline/spotcheck/pool.ts, e.g. [revoked, named_this_year]
  pool_size      INTEGER NOT NULL,
  pool_sha256    VARCHAR NOT NULL,     -- SHA-256 of the pool file (sorted region codes, one per line, LF)
  strata_sha256  VARCHAR,              -- SHA-256 of the strata file (region_code TAB stratum), NULL when strata = none
  frozen_at      TIMESTAMP NOT NULL,
  frozen_by      VARCHAR NOT NULL,
  state          VARCHAR NOT NULL,     -- frozen | drawn | committed
  seed           VARCHAR,              -- set once, by the draw
  seed_hash      VARCHAR,
  proportion     VARCHAR,              -- as entered (decimal text), or NULL when a count was given
  sample_count   INTEGER,              -- as entered, or NULL when a proportion was given
  team_size      INTEGER,              -- inspectors per selected region (m)
  drawn_at       TIMESTAMP,
  drawn_by       VARCHAR,
  committed_at   TIMESTAMP,
  committed_by   VARCHAR,
  supersedes     INTEGER,              -- the draw this one redraws
  redraw_reason  VARCHAR,
  superseded_by  INTEGER,              -- NULL while current
  superseded_at  TIMESTAMP
);

-- The frozen pool: one row per eligible region with its stratum, fixed before any seed exists.
CREATE TABLE IF NOT EXISTS draw_pool (
  draw_id      INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  stratum      VARCHAR NOT NULL,       -- 'all' when strata = none
  PRIMARY KEY (draw_id, region_code)
);

-- The random selection, in draw order.
CREATE TABLE IF NOT EXISTS draw_selection (
  draw_id      INTEGER NOT NULL,
  draw_order   INTEGER NOT NULL,       -- 1 = lowest ticket overall
  region_code  VARCHAR NOT NULL,
  ticket       VARCHAR NOT NULL,       -- full-precision ticket string
  stratum      VARCHAR NOT NULL,
  PRIMARY KEY (draw_id, region_code)
);

-- The inspector pool as it stood when the draw was computed, so the assignment can be recomputed later even
-- after the inspectors table changes.
CREATE TABLE IF NOT EXISTS draw_inspector_pool (
  draw_id             INTEGER NOT NULL,
  inspector_id        VARCHAR NOT NULL,
  home_province_code  VARCHAR NOT NULL,
  load_cap            INTEGER NOT NULL,
  prior_load          INTEGER NOT NULL,  -- assignments in other committed, current draws of the same year
  PRIMARY KEY (draw_id, inspector_id)
);

CREATE TABLE IF NOT EXISTS draw_inspectors (
  draw_id       INTEGER NOT NULL,
  region_code   VARCHAR NOT NULL,
  position      INTEGER NOT NULL,      -- 1..m, in ticket order
  inspector_id  VARCHAR NOT NULL,
  ticket        VARCHAR NOT NULL,      -- ticket of region_code || '|' || inspector_id
  PRIMARY KEY (draw_id, region_code, position)
);

-- Checks chosen for a stated risk, not at random; listed beside the draw, never part of its sample.
CREATE TABLE IF NOT EXISTS risk_targeted_checks (
  draw_id      INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  criterion    VARCHAR NOT NULL,       -- the stated reason, e.g. "two serious-violation incidents in 2024"
  added_at     TIMESTAMP NOT NULL,
  added_by     VARCHAR NOT NULL,
  PRIMARY KEY (draw_id, region_code)
);

CREATE TABLE IF NOT EXISTS inspectors (
  inspector_id        VARCHAR PRIMARY KEY,
  name                VARCHAR NOT NULL,
  home_province_code  VARCHAR NOT NULL,  -- 6 digits ending 0000; an inspector never checks their own province
  load_cap            INTEGER NOT NULL,  -- most regions per year, over all committed draws of that year
  active              BOOLEAN NOT NULL DEFAULT true
);

-- Revoked designations (摘牌). The watchlist writes here when an entry becomes revoked; the spot-check pool
-- leaves these regions out when the "revoked" exclusion is on.
CREATE TABLE IF NOT EXISTS revocations (
  region_code  VARCHAR NOT NULL,
  revoked_on   DATE NOT NULL,
  reason       VARCHAR NOT NULL,
  ground       INTEGER,                -- 1..4, the 摘牌退出 ground of the measures, section 四
  decided_by   VARCHAR,
  recorded_at  TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
  PRIMARY KEY (region_code, revoked_on)
);
