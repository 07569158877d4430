-- @produces: temporary macros workdays_add, workdays_between, workday_provisional (over calendar_days)
-- Working-day arithmetic in SQL, agreeing with pipeline/calendar (tests/calendar/sql-calendar.test.ts checks
-- both on thousands of dates). They cover the rows of calendar_days (2018-01-01..2031-12-31, more if a later
-- notice is loaded) and return NULL for a date outside it.
--
-- These are scalar macros with subqueries: fine for one value, slow per row over a big table. Bulk indicator
-- queries should JOIN calendar_days on workday_seq instead, once per date column:
--
--   -- working days from receipt to decision, (received_on, decided_on]:
--   SELECT t.*, e.workday_seq - s.workday_seq AS workdays_taken
--   FROM some_cases AS t
--   JOIN calendar_days AS s ON s.day = t.received_on
--   JOIN calendar_days AS e ON e.day = t.decided_on;
--
--   -- deadline = the 15th working day after received_on:
--   SELECT t.*, dl.day AS deadline
--   FROM some_cases AS t
--   JOIN calendar_days AS s  ON s.day = t.received_on
--   JOIN calendar_days AS dl ON dl.is_workday AND dl.workday_seq = s.workday_seq + 15;
--
--   -- provisional: NOT (s.published AND e.published) is exact when the span covers at most two calendar years;
--   -- over longer spans use workday_provisional(t.received_on, t.decided_on).

-- Working days d with a < d <= b; negative when b is before a.
CREATE OR REPLACE TEMP MACRO workdays_between(a, b) AS
  (SELECT cb.workday_seq FROM calendar_days AS cb WHERE cb.day = CAST(b AS DATE))
  - (SELECT ca.workday_seq FROM calendar_days AS ca WHERE ca.day = CAST(a AS DATE));

-- The n-th working day after d (d itself not counted); n = 0 gives d. Exactly one workday carries each
-- workday_seq value, so the target is the workday whose seq is seq(d) + n. One join inside one subquery: a
-- subquery nested in the WHERE of another is not decorrelated, and cost seconds per thousand rows.
CREATE OR REPLACE TEMP MACRO workdays_add(d, n) AS
  CASE
    WHEN n < 0 THEN error('workdays_add: the number of working days must be >= 0, found ' || CAST(n AS VARCHAR))
    WHEN n = 0 THEN (SELECT c0.day FROM calendar_days AS c0 WHERE c0.day = CAST(d AS DATE))
    ELSE (SELECT c.day FROM calendar_days AS s JOIN calendar_days AS c ON c.workday_seq = s.workday_seq + n
          WHERE s.day = CAST(d AS DATE) AND c.is_workday)
  END;

-- True when any date between a and b (inclusive, either order) lies in a year without a published notice.
-- Counts the published days of the span: the table covers every published year, so a day outside it is
-- unpublished too and the answer stays right beyond 2031. For workdays_add: workday_provisional(d, workdays_add(d, n)).
-- a and b appear once each: a macro's argument is copied wherever it is named, and b is often itself a subquery
-- (workdays_add), which would otherwise run four times per row.
CREATE OR REPLACE TEMP MACRO workday_provisional(a, b) AS
  (SELECT count(p.day) < abs(date_diff('day', r.x, r.y)) + 1
   FROM (SELECT CAST(a AS DATE) AS x, CAST(b AS DATE) AS y) AS r
   LEFT JOIN calendar_days AS p ON p.published AND p.day BETWEEN least(r.x, r.y) AND greatest(r.x, r.y)
   GROUP BY r.x, r.y);

-- For bulk metrics: the deadline n working days after every calendar day (a few thousand rows), to be joined to
-- case tables by date — one hash join instead of a working-day lookup per case. provisional: the day or its
-- deadline lies in a year without a published calendar.
CREATE OR REPLACE TEMP MACRO workday_deadlines(n) AS TABLE
  SELECT s.day, dl.day AS due_on, NOT (s.published AND dl.published) AS provisional
  FROM calendar_days AS s
  JOIN calendar_days AS dl ON dl.is_workday AND dl.workday_seq = s.workday_seq + n;

-- For No. 27 (comment period of normative documents): the most working days a comment period of `comment_days`
-- calendar days can have held, over every placement ending in the 30 days before the document was issued. The files
-- give the period's length, not its dates, so the period is given the benefit of the doubt: a document fails the
-- 7-working-day floor only when no placement reaches it (7 or 8 calendar days never hold 7 working days; 9 can).
-- One row per normative document with comment_days > 0; provisional when a day used lies in an unpublished year.
CREATE OR REPLACE TEMP MACRO comment_period_workdays() AS TABLE
  SELECT d.doc_id, any_value(d.comment_days) AS comment_days,
    max(ce.workday_seq - cs.workday_seq) AS workdays,
    bool_or(NOT (cs.published AND ce.published)) AS provisional
  FROM normative_documents AS d
  JOIN calendar_days AS ce ON ce.day BETWEEN d.issued_on - INTERVAL 30 DAY AND d.issued_on - INTERVAL 1 DAY
  JOIN calendar_days AS cs ON cs.day = CAST(ce.day - to_days(CAST(d.comment_days AS INTEGER)) AS DATE)
  WHERE d.comment_days > 0
  GROUP BY d.doc_id;
