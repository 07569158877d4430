-- @produces: the load that put a named region into the regions directory, recorded on its decision
-- @params: $round_id, $region_code, $load_id
UPDATE naming_decisions SET regions_load_id = $load_id WHERE round_id = $round_id AND region_code = $region_code;
