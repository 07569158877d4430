-- @produces: temporary macros fmt_metric, fmt_rate used in flag messages (sql/flags/*.sql)
-- A metric value as analysts read it: rates as percentages with one decimal, other units as plain numbers.
CREATE OR REPLACE TEMP MACRO fmt_rate(v) AS
  CASE WHEN v IS NULL THEN '无数据' ELSE printf('%.1f%%', 100 * v) END;

CREATE OR REPLACE TEMP MACRO fmt_metric(v, unit) AS
  CASE
    WHEN v IS NULL THEN '无数据'
    WHEN unit = 'rate' THEN printf('%.1f%%', 100 * v)
    WHEN v = round(v) THEN printf('%d', CAST(v AS BIGINT))
    ELSE printf('%.2f', v)
  END;
