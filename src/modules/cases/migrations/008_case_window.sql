-- 一窗受理: the service window (and its hall) where the application was recorded, so the rating
-- of a window case rolls up by hall and window. Null for online cases and older window cases.
alter table case_record add column window_id uuid;
alter table case_record add column hall_id uuid;
