-- @id: bonus.promoted
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- 附加项 加分项 2: "有关做法经验在全国范围内推广". Counted from incidents of kind promoted by the year they occurred
-- (sql/macros/bonus.sql, shared with bonus.award). Area 9 (附加项) is left out of conformance and the composite.
INSERT INTO metric_results BY NAME
SELECT 'bonus.promoted' AS metric_id, * FROM bonus_items('promoted');
