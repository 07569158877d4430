-- @produces: temp table refresh_context — the run id, the data's date, the last complete year and who runs it,
-- read by every step
-- @params: $run_id INTEGER, $as_of VARCHAR (YYYY-MM-DD), $actor VARCHAR
-- A year is complete once the data's date reaches 1 February of the next year (annual reports on a year are due by
-- the end of January, 四(一)); complete_through is the last such year. Later years are provisional everywhere.
CREATE OR REPLACE TEMP TABLE refresh_context AS
SELECT CAST($run_id AS INTEGER) AS run_id, CAST($as_of AS DATE) AS as_of, CAST($actor AS VARCHAR) AS actor,
  CAST(CASE WHEN CAST($as_of AS DATE) >= make_date(year(CAST($as_of AS DATE)), 2, 1)
    THEN year(CAST($as_of AS DATE)) - 1 ELSE year(CAST($as_of AS DATE)) - 2 END AS INTEGER) AS complete_through;
