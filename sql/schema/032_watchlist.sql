-- @produces: watchlist_entries, watchlist_history
-- The revocation watchlist (摘牌退出, section 四(三)). An entry names one ground: 1 serious violation / inaction,
-- 2 false materials, 3 spot check below the bar, 4 other (analyst, with a reason). Integrity signals (a self-report
-- contradicting case data) are entries with is_ground = false: shown as needing review, never a ground by
-- themselves. Status moves flagged|needs_review → under_review → cleared | revoked; every move is a history row
-- and an audit_log entry. Refresh adds entries; it never changes a status an analyst set.

CREATE TABLE IF NOT EXISTS watchlist_entries (
  entry_id      VARCHAR PRIMARY KEY,   -- md5 of kind, region and source key: the same event keeps its entry
  region_code   VARCHAR NOT NULL,
  year          INTEGER,
  ground        INTEGER,               -- 1..4; NULL for an integrity signal
  kind          VARCHAR NOT NULL,      -- serious_violation | inaction | false_materials | spotcheck_below_bar | other | integrity_signal
  is_ground     BOOLEAN NOT NULL,
  summary_zh    VARCHAR NOT NULL,
  evidence      VARCHAR NOT NULL,      -- JSON array of {dataset, record_id, file_name, line} or the analyst's reason
  origin        VARCHAR NOT NULL,      -- refresh | analyst
  source_key    VARCHAR NOT NULL,      -- event_id, draw/year, flag_id, or the analyst's reference
  source_active BOOLEAN NOT NULL,      -- false when the latest refresh no longer finds the source
  created_at    TIMESTAMP NOT NULL,
  created_run   INTEGER,
  status        VARCHAR NOT NULL,
  status_at     TIMESTAMP NOT NULL,
  status_by     VARCHAR NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS watchlist_history_seq START 1;

CREATE TABLE IF NOT EXISTS watchlist_history (
  history_id   INTEGER PRIMARY KEY DEFAULT nextval('watchlist_history_seq'),
  entry_id     VARCHAR NOT NULL,
  from_status  VARCHAR,                -- NULL when the entry was created
  to_status    VARCHAR NOT NULL,
  note         VARCHAR,
  changed_by   VARCHAR NOT NULL,
  changed_at   TIMESTAMP NOT NULL
);
