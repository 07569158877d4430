-- @produces: the temporary macro metric_score (SQL returns codes and numbers; the vocabulary words them)
-- A metric's contribution to the composite score (pipeline/indicators/README.md "Scorecard"), one definition for the
-- scorecard and its rank intervals: NULL without data; 1 when met; under 'binary' 0 when missed; under 'threshold'
-- the share of the threshold reached (value/threshold when higher is better, threshold/value when lower is).
CREATE OR REPLACE TEMP MACRO metric_score(status, method, direction, value, threshold) AS
  CASE
    WHEN status = 'no_data' THEN NULL
    WHEN status = 'met' THEN 1.0
    WHEN method = 'binary' THEN 0.0
    WHEN direction = 'higher' AND threshold > 0 THEN least(greatest(value, 0) / threshold, 1)
    WHEN direction = 'lower' AND threshold > 0 AND value > 0 THEN least(threshold / value, 1)
    ELSE 0.0
  END;
