-- @id: bonus.award
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- 附加项 加分项 1: "法治政府建设有关工作获得省部级以上表彰、奖励". Counted from incidents of kind award by the year they
-- occurred (sql/macros/bonus.sql, shared with bonus.promoted). Area 9 (附加项) is left out of conformance and the
-- composite (sql/indicators/refresh/scorecard.sql).
INSERT INTO metric_results BY NAME
SELECT 'bonus.award' AS metric_id, * FROM bonus_items('award');
