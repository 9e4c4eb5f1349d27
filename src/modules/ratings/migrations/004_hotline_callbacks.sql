-- The 12345 channel of satisfaction: each 回访 result the hotline records (the agent's call-back
-- or the caller's SMS reply: hotline.callback_recorded), one row per ticket and round of handling,
-- kept apart from the case ratings (a 12345 ticket is no case and has no item); results show
-- its 满意率 per department and region next to the 好差评 figures.
create table rating_hotline_callback (
  ticket_id uuid not null,
  round integer not null,
  ticket_number text not null,
  department_id uuid not null,
  department_name text not null,
  region_code text not null,
  result text not null check (result in ('satisfied', 'basic', 'unsatisfied')),
  channel text not null check (channel in ('hotline', 'sms')),
  rated_at timestamptz not null,
  primary key (ticket_id, round)
);
create index rating_hotline_callback_rated_idx on rating_hotline_callback (rated_at, region_code);
