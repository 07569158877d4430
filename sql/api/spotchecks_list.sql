-- @produces: every draw (frozen, drawn, committed; superseded ones too), newest first, with how many of the
--            caller's regions each selected
-- @params: $province VARCHAR or NULL
SELECT d.draw_id, d.year, d.pool_version, d.strata, d.pool_size, d.state, d.proportion, d.sample_count,
       strftime(d.frozen_at, '%Y-%m-%d %H:%M:%S') AS frozen_at, strftime(d.drawn_at, '%Y-%m-%d %H:%M:%S') AS drawn_at,
       strftime(d.committed_at, '%Y-%m-%d %H:%M:%S') AS committed_at, d.superseded_by,
       (SELECT count(*) FROM draw_selection AS s JOIN regions AS r ON r.region_code = s.region_code
         WHERE s.draw_id = d.draw_id AND ($province IS NULL OR r.province_code = $province)) AS selected
FROM draws AS d
ORDER BY d.draw_id DESC;
