-- Which years of the working-day calendar are confirmed: their holiday arrangement (the State
-- Council's 国务院办公厅关于…部分节假日安排的通知, published each November for the next year) was
-- loaded from the chinese-days package ('package'), from an ICS file ('ics'), or entered day by
-- day and confirmed by an administrator ('admin'). A year without a confirmed row counts as the
-- plain Monday–Friday week plus whatever single days were entered, and deadlines computed into
-- it are provisional. The row of an unconfirmed year exists only to remember that administrators
-- were told it is missing (missing_reported_at, once per year).
create table calendar_year (
  year integer primary key check (year between 1900 and 9999),
  source text check (source in ('package', 'ics', 'admin')),
  confirmed_by text,
  confirmed_at timestamptz,
  missing_reported_at timestamptz,
  check ((source is null) = (confirmed_at is null) and (source is null) = (confirmed_by is null))
);

-- Days loaded from an ICS file are replaced by the next load of their year like package days;
-- an administrator's day still survives both.
alter table calendar_day drop constraint calendar_day_source_check;
alter table calendar_day add constraint calendar_day_source_check check (source in ('package', 'ics', 'admin'));

-- An existing node imported its years from the package (importYear writes package rows only
-- for a year the package covers): those years were confirmed when they were imported.
insert into calendar_year (year, source, confirmed_by, confirmed_at)
select distinct extract(year from day)::integer, 'package', 'migration kernel/007', clock_now()
  from calendar_day where source = 'package';
