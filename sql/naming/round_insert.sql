-- @produces: one naming_rounds row (pipeline/naming/rounds.ts createRound)
-- @params: $round_id, $batch, $year, $title, $kinds, $fields, $data_from, $data_to, $bar, $method, $field_check_rule,
--          $timetable, $notice_workdays, $created_by
INSERT INTO naming_rounds (round_id, batch, year, title, kinds, fields, data_from, data_to, bar, method,
                           field_check_rule, timetable, notice_workdays, created_at, created_by)
VALUES ($round_id, $batch, $year, $title, $kinds, $fields, $data_from, $data_to, $bar, $method, $field_check_rule,
        $timetable, $notice_workdays, current_localtimestamp(), $created_by);
