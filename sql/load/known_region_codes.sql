-- @produces: the temporary ENUM type known_region_code of this connection: every administrative division code of the
--   vendored GB/T 2260 list (divisions) and every region of the directory (regions), made again before each file is
--   typed, since a regions file loaded just before may have added codes.
-- The typing query asks "is this code known?" as TRY_CAST(code AS known_region_code) IS NULL, a hash look-up inside
-- the expression. It used to be `code NOT IN (SELECT … FROM divisions UNION ALL SELECT … FROM regions)`, a join, and
-- with that join in the plan DuckDB 1.5 did not keep the rows of a file of more than one row group (122,880 rows) in
-- reading order: typed.rowid, the record's number, then pointed at other records, and every line of a big file's
-- rejects and loaded rows was wrong (tests/load/big-file-lines.test.ts).
CREATE OR REPLACE TEMP TYPE known_region_code AS ENUM (
  SELECT DISTINCT region_code
  FROM (SELECT region_code FROM divisions UNION ALL SELECT region_code FROM regions)
  WHERE region_code IS NOT NULL
  ORDER BY region_code
);
