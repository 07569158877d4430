-- @produces: temporary macros used by validation (pipeline/load/contract-sql.ts) and indicators
-- How a cell of an input file becomes a typed value. Every parser returns NULL for a blank cell and NULL for a
-- value it cannot read; validation tells the two apart with is_blank(). Forms accepted are those of DATA.md.

-- CASE rather than AND/OR throughout: DuckDB evaluates both sides of AND/OR for the whole vector, so a guard
-- written with AND does not keep trim() (which allocates) or a regular expression off the common, clean cell.
-- Only cells that start or end with a space, or are not in the plain form, take the slow branch.
CREATE OR REPLACE TEMP MACRO is_blank(s) AS
  CASE WHEN s IS NULL OR s = '' THEN true
       WHEN starts_with(s, ' ') THEN trim(s) = ''
       ELSE false END;
CREATE OR REPLACE TEMP MACRO parse_text(s) AS
  CASE WHEN s = '' THEN NULL
       WHEN starts_with(s, ' ') OR ends_with(s, ' ') THEN nullif(trim(s), '')
       ELSE s END;

-- YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 (XLSX dates arrive already as YYYY-MM-DD from the reader).
-- The plain cast comes first: it reads the common YYYY-MM-DD form four times faster than the pattern path.
CREATE OR REPLACE TEMP MACRO parse_date_form(s) AS
  CASE WHEN regexp_full_match(trim(s), '\d{4}(-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|年\d{1,2}月\d{1,2}日)')
       THEN try_cast(regexp_replace(trim(s), '^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$', '\1-\2-\3') AS DATE)
  END;
CREATE OR REPLACE TEMP MACRO parse_date(s) AS
  CASE WHEN strlen(s) = 10 THEN coalesce(try_cast(s AS DATE), parse_date_form(s)) ELSE parse_date_form(s) END;

-- ISO 8601 date-time; without an offset it is Asia/Shanghai local time, with one it is converted to it.
-- Stored as TIMESTAMP in Asia/Shanghai civil time (the session time zone is Asia/Shanghai).
CREATE OR REPLACE TEMP MACRO parse_datetime(s) AS
  CASE
    WHEN regexp_full_match(trim(s), '\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?')
      THEN try_cast(replace(trim(s), 'T', ' ') AS TIMESTAMP)
    WHEN regexp_full_match(trim(s), '\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})')
      THEN try_cast(try_cast(replace(trim(s), 'T', ' ') AS TIMESTAMPTZ) AS TIMESTAMP)
  END;

CREATE OR REPLACE TEMP MACRO parse_bool_form(s) AS
  CASE lower(trim(s))
    WHEN 'true' THEN true WHEN '1' THEN true WHEN '是' THEN true WHEN 'y' THEN true WHEN 'yes' THEN true
    WHEN 'false' THEN false WHEN '0' THEN false WHEN '否' THEN false WHEN 'n' THEN false WHEN 'no' THEN false
  END;
CREATE OR REPLACE TEMP MACRO parse_bool(s) AS
  CASE s WHEN '1' THEN true WHEN '0' THEN false WHEN '是' THEN true WHEN '否' THEN false ELSE parse_bool_form(s) END;

-- Integers; "12.0" (as spreadsheets write whole numbers) is accepted, "12.5" is not.
CREATE OR REPLACE TEMP MACRO parse_int_form(s) AS
  CASE WHEN regexp_full_match(replace(trim(s), ',', ''), '[+-]?\d{1,18}(\.0*)?')
       THEN CAST(split_part(replace(trim(s), ',', ''), '.', 1) AS BIGINT)
  END;
CREATE OR REPLACE TEMP MACRO parse_int(s) AS
  CASE WHEN regexp_full_match(s, '[+-]?\d{1,18}') THEN CAST(s AS BIGINT) ELSE parse_int_form(s) END;

CREATE OR REPLACE TEMP MACRO parse_number(s) AS
  CASE WHEN regexp_full_match(replace(trim(s), ',', ''), '[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?')
       THEN CAST(replace(trim(s), ',', '') AS DOUBLE)
  END;

-- Percent 0..100; a trailing % sign is allowed.
CREATE OR REPLACE TEMP MACRO parse_percent(s) AS parse_number(regexp_replace(trim(s), '%$', ''));

CREATE OR REPLACE TEMP MACRO parse_region_code(s) AS
  CASE WHEN s GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]' THEN s
       WHEN regexp_full_match(trim(s), '[0-9]{6}') THEN trim(s) END;
