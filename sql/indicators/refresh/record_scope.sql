-- @produces: refresh_runs.mode and years_recomputed of the current run
-- @params: $run_id INTEGER, $mode VARCHAR (full | incremental), $years VARCHAR (JSON list)
UPDATE refresh_runs SET mode = $mode, years_recomputed = $years WHERE run_id = $run_id;
