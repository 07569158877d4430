-- @produces: the latest refresh's data date and the last complete year (as_of on or after 1 February of year + 1)
-- The same rule as refresh_context.complete_through (sql/indicators/refresh/context.sql): later years are provisional and the
-- risk queue does not rank them.
SELECT strftime(as_of, '%Y-%m-%d') AS as_of,
  CAST(CASE WHEN as_of >= make_date(year(as_of), 2, 1) THEN year(as_of) - 1 ELSE year(as_of) - 2 END AS INTEGER) AS complete_through
FROM refresh_runs WHERE status = 'done' ORDER BY run_id DESC LIMIT 1;
