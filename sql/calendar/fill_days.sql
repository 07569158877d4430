-- @produces: calendar_days (rows $from..$to; the caller empties the table first, in the same transaction)
-- @params: $listing  JSON [{date, off, name}] — every date a notice lists, one entry per date (later notice wins)
--          $published JSON [year, ...] — years whose own notice file has days
--          $from, $to  first and last day of the table (YYYY-MM-DD)
-- Rule: a listed day is a workday unless it is off; any other day is a workday Monday..Friday (isodow 1..5).
-- workday_seq counts workdays from $from, so workdays in (a, b] = seq(b) - seq(a).
INSERT INTO calendar_days (day, is_workday, workday_seq, published, holiday_name)
WITH listed AS (
  SELECT unnest(from_json($listing, '[{"date":"DATE","off":"BOOLEAN","name":"VARCHAR"}]'), recursive := true)
),
published_years AS (
  SELECT unnest(from_json($published, '["INTEGER"]')) AS year
),
days AS (
  SELECT CAST(r.ts AS DATE) AS day
  FROM range(CAST($from AS DATE), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY) AS r(ts)
),
ruled AS (
  SELECT d.day,
         CASE WHEN l.date IS NOT NULL THEN NOT l.off ELSE isodow(d.day) <= 5 END AS is_workday,
         year(d.day) IN (SELECT year FROM published_years) AS published,
         l.name AS holiday_name
  FROM days AS d
  LEFT JOIN listed AS l ON l.date = d.day
)
SELECT day,
       is_workday,
       CAST(sum(CASE WHEN is_workday THEN 1 ELSE 0 END) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS INTEGER),
       published,
       holiday_name
FROM ruled;
