-- The exchange gateway: department systems (OIDC clients) bound to their departments, the
-- grants' clear fields and bulk permission, the daily quota counters, the call log and the
-- citizen's data-use ledger.

alter table data_grant
  -- personal fields the grantee receives in clear; every other personal field is masked (脱敏)
  add column clear_fields text[] not null default '{}',
  -- bulk export (批量交换) allowed, incremental by change time
  add column bulk boolean not null default false;

create table data_system (
  client_id text primary key,
  department_id uuid not null references department (id),
  region_code text not null,
  -- calls a second (a token bucket per instance)
  rate_limit integer not null default 50 check (rate_limit between 1 and 100000),
  status text not null default 'active' check (status in ('active', 'suspended')),
  bound_by text not null,
  bound_at timestamptz not null default clock_now(),
  version integer not null default 1
);
create index data_system_department_idx on data_system (department_id);

create table data_grant_day (
  grant_id uuid not null references data_grant (id),
  day date not null,
  calls integer not null,
  primary key (grant_id, day)
);

-- Every gateway call, answered or refused (共享调用).
create table data_call (
  id bigserial primary key,
  at timestamptz not null default clock_now(),
  client_id text not null,
  -- the calling system's department and its region (the department's keepers read its calls)
  department_id uuid,
  region_code text,
  resource_id uuid,
  grant_id uuid,
  kind text not null check (kind in ('lookup', 'export')),
  purpose text,
  -- 'ok' or the refusal's error code
  outcome text not null,
  rows integer not null default 0,
  persons integer not null default 0,
  fields text[] not null default '{}',
  latency_ms integer not null default 0
);
create index data_call_at_idx on data_call (at);
create index data_call_resource_idx on data_call (resource_id, at);

-- 我的数据使用记录: each use of a person's data, found by the blind index of their ID number.
create table data_use (
  id bigserial primary key,
  person_index text not null,
  at timestamptz not null default clock_now(),
  kind text not null check (kind in ('gateway', 'export', 'prefill', 'licence', 'reveal')),
  department_id uuid,
  department_name text not null,
  system text,
  resource_code text,
  resource_name text not null,
  fields text[] not null,
  purpose text,
  legal_basis text,
  call_id bigint
);
create index data_use_person_idx on data_use (person_index, at desc, id desc);

-- A use the person thinks wrong: a task for the data bureau.
create table data_use_report (
  id uuid primary key,
  use_id bigint not null references data_use (id),
  person_index text not null,
  reason text not null,
  -- the using department's region: the data officers over it answer
  region_code text not null,
  status text not null default 'open' check (status in ('open', 'answered')),
  answer text,
  answered_by text,
  answered_at timestamptz,
  created_at timestamptz not null default clock_now(),
  version integer not null default 1,
  constraint data_use_report_once unique (use_id)
);
