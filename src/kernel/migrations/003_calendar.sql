-- Working-day calendar. Only exceptions to the Monday–Friday week are stored: statutory
-- holidays ('holiday') and 调休 make-up days worked on a weekend ('workday').
-- source 'package' rows come from the chinese-days package and are replaced on re-import;
-- source 'admin' rows are an administrator's decision and a package import never touches them.
create table calendar_day (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null,
  source text not null check (source in ('package', 'admin')),
  updated_at timestamptz not null default now(),
  updated_by text not null
);
