-- @produces: the earlier successful load of the same content into the same dataset, if any (repeat = no-op).
-- $sha256, $dataset
SELECT load_id, file_name FROM load_log WHERE sha256 = $sha256 AND dataset = $dataset AND status = 'loaded' ORDER BY load_id LIMIT 1;
