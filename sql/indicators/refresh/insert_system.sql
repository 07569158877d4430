-- @produces: one indicator_systems row (pipeline/indicators/system.ts storeSystems)
INSERT INTO indicator_systems (version, label, year_from, year_to, bar, sha256, definition)
VALUES ($version, $label, $year_from, $year_to, $bar, $sha256, $definition);
