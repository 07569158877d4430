-- @produces: calendar_days, reference_sources
-- The official working-day calendar as a table, so that indicators count working days set-based (a join on
-- workday_seq) instead of calling a function per row. Filled from data/calendar by pipeline/calendar/
-- calendar-table.ts (sql/calendar/fill_days.sql) whenever the files change; the macros are sql/macros/calendar.sql.

CREATE TABLE IF NOT EXISTS calendar_days (
  day           DATE PRIMARY KEY,
  is_workday    BOOLEAN NOT NULL,   -- listed ? NOT isOffDay : Monday..Friday
  workday_seq   INTEGER NOT NULL,   -- working days from the first day of the table up to and including day
  published     BOOLEAN NOT NULL,   -- the year of day has an official notice; false = weekdays-only guess (provisional)
  holiday_name  VARCHAR             -- festival name when the notice lists the day (holiday or adjusted workday)
);

-- One row per reference data set loaded from data/ at open time (calendar, divisions): the SHA-256 of what
-- was loaded, so a reload happens only when the shipped or loaded files change.
CREATE TABLE IF NOT EXISTS reference_sources (
  name       VARCHAR PRIMARY KEY,
  sha256     VARCHAR NOT NULL,
  loaded_at  TIMESTAMP NOT NULL
);
