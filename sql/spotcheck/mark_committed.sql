-- @produces: a drawn draw moved to state committed
-- @params: $draw_id, $committed_by
-- A committed draw is final: nothing in draws, draw_selection or draw_inspectors is written for it again, except
-- superseded_by/at when a redraw replaces it.
UPDATE draws
SET state = 'committed', committed_at = current_localtimestamp(), committed_by = $committed_by
WHERE draw_id = $draw_id AND state = 'drawn' AND superseded_by IS NULL
RETURNING draw_id;
