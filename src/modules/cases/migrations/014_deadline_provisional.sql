-- A deadline counted into a year whose holiday arrangement is not confirmed (kernel
-- calendar_year) is provisional: shown as 暂定 and recomputed when the year is confirmed
-- (platform.calendar_year_confirmed).
alter table case_record add column deadline_provisional boolean not null default false;
create index case_record_deadline_provisional on case_record (id) where deadline_provisional;
