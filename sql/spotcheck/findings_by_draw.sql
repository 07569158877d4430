-- @produces: view spotcheck_findings_by_draw — every spotcheck_findings row with the draw it belongs to
-- @source: spotcheck_findings (current rows), draws, draw_selection, risk_targeted_checks
-- Rule: a finding of (region, year) belongs to the year's committed, current draw (there is at most one).
-- link says how the region came to be checked:
--   selected           in that draw's random sample
--   risk_targeted      listed beside the draw for a stated risk criterion
--   not_selected       the year has a committed draw, but this region is in neither list
--   no_committed_draw  the year has no committed draw at all
-- Rows are never dropped: findings that do not link are kept with draw_id NULL or link not_selected, so the
-- analysts see them. A view (created on use by pipeline/spotcheck/findings.ts) because spotcheck_findings is
-- itself a view the loader creates after migrations run.
CREATE OR REPLACE VIEW spotcheck_findings_by_draw AS
WITH current_draws AS (
  SELECT year, draw_id FROM draws WHERE state = 'committed' AND superseded_by IS NULL
)
SELECT
  f.region_code,
  f.year,
  f.indicator_no,
  f.met,
  f.note,
  d.draw_id,
  CASE
    WHEN d.draw_id IS NULL THEN 'no_committed_draw'
    WHEN s.region_code IS NOT NULL THEN 'selected'
    WHEN t.region_code IS NOT NULL THEN 'risk_targeted'
    ELSE 'not_selected'
  END AS link
FROM spotcheck_findings AS f
LEFT JOIN current_draws AS d ON d.year = f.year
LEFT JOIN draw_selection AS s ON s.draw_id = d.draw_id AND s.region_code = f.region_code
LEFT JOIN risk_targeted_checks AS t ON t.draw_id = d.draw_id AND t.region_code = f.region_code;
