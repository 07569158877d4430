-- @produces: one row, `views`: a hash of every view of the database's main schema (name and definition), NULL when
--   there is none. Stored with the schema fingerprint by pipeline/db/migrate.ts and compared at every open, so a
--   view replaced or dropped since the last migration sends the open through the whole migration again.
SELECT md5(string_agg(view_name || chr(10) || sql, chr(10) ORDER BY view_name)) AS views
FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary;
