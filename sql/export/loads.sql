-- @produces: data freshness per dataset: files loaded, rows, rejects and the last load
SELECT dataset, count(*) FILTER (WHERE status = 'loaded') AS files_loaded,
       coalesce(sum(loaded), 0) AS rows_loaded, coalesce(sum(rejected), 0) AS rows_rejected,
       count(*) FILTER (WHERE status = 'refused') AS files_refused,
       strftime(max(finished_at) FILTER (WHERE status = 'loaded'), '%Y-%m-%d %H:%M') AS last_loaded
FROM load_log
WHERE dataset IS NOT NULL
GROUP BY dataset
ORDER BY dataset;
