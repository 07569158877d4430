-- @produces: how many loaded files had arrived by the end of a quarter and how many arrived after it (the load
--            log's finish time, Asia/Shanghai civil time), with the first and last arrival dates after it: whether a
--            past quarter's package can be built from the data as it stood at the quarter's end
-- @params: $end DATE (the quarter's last day)
SELECT count(*) FILTER (WHERE CAST(finished_at AS DATE) <= $end) AS files_by_end,
       count(*) FILTER (WHERE CAST(finished_at AS DATE) > $end) AS files_after,
       strftime(min(finished_at) FILTER (WHERE CAST(finished_at AS DATE) > $end), '%Y-%m-%d') AS first_after,
       strftime(max(finished_at) FILTER (WHERE CAST(finished_at AS DATE) > $end), '%Y-%m-%d') AS last_after
FROM load_log
WHERE status = 'loaded';
