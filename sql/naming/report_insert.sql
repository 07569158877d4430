-- @produces: one naming_reports row (a self-assessment report as received, with its SHA-256 and extracted text);
--            the same bytes again for the same applicant are a no-op
-- @params: $round_id, $region_code, $file_name, $format, $bytes, $sha256, $text, $loaded_by
INSERT INTO naming_reports (round_id, region_code, file_name, format, bytes, sha256, text, loaded_at, loaded_by)
VALUES ($round_id, $region_code, $file_name, $format, $bytes, $sha256, $text, current_localtimestamp(), $loaded_by)
ON CONFLICT DO NOTHING
RETURNING sha256;
