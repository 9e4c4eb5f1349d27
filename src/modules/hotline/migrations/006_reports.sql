-- 12345 hot issues (热点/突发): how many tickets arrived per category, region and clock hour,
-- counted in the intake transaction, and the bursts flagged when a count reaches its threshold.

-- The thresholds by category level: 2 = a second-level category (e.g. 噪音扰民 in one town),
-- 1 = a first-level category (all of 城市管理 there). Rows are the node's configuration
-- (PUT /api/hotline/hot-thresholds); these are the defaults.
create table hotline_hot_threshold (
  level smallint primary key check (level in (1, 2)),
  tickets integer not null check (tickets >= 2),
  updated_at timestamptz not null default clock_now()
);
insert into hotline_hot_threshold (level, tickets) values (1, 60), (2, 30);

-- One row per (category, the ticket's region, clock hour): a cheap upsert per ticket and level.
create table hotline_hot_counter (
  category_code text not null references hotline_category (code),
  region_code text not null,
  hour timestamptz not null,
  tickets integer not null,
  primary key (category_code, region_code, hour)
);

-- A burst, flagged once: the unique key is the counter's, so a second ticket over the threshold
-- in the same hour (or a concurrent one) finds it there and tells nobody again.
create table hotline_hot_issue (
  id uuid primary key,
  category_code text not null references hotline_category (code),
  level smallint not null,
  region_code text not null,
  hour timestamptz not null,
  threshold integer not null,
  flagged_at timestamptz not null default clock_now(),
  unique (category_code, region_code, hour)
);
create index hotline_hot_issue_hour_idx on hotline_hot_issue (hour desc);
-- (the reports' completions in a period use hotline_ticket_completed_idx of migration 003)
