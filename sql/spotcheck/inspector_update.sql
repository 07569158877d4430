-- @produces: one inspector's load cap and active flag (the dashboard's register edit)
-- @params: $inspector_id VARCHAR, $load_cap INTEGER, $active BOOLEAN
UPDATE inspectors SET load_cap = $load_cap, active = $active WHERE inspector_id = $inspector_id;
