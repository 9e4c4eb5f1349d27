-- 共享需求 and the grants they lead to. A department asks for fields of a published resource for
-- a purpose and a legal basis; the provider answers within 10 working days (国发〔2016〕51号);
-- an approval is a grant with its scope — fields, rows (a region subtree), period, daily quota —
-- that the gateway checks on every call. The requester says whether it was satisfied
-- (数据共享需求满足率).

create table data_demand (
  id uuid primary key,
  resource_id uuid not null references data_resource (id),
  provider_department_id uuid not null references department (id),
  -- the provider's region: whose keepers answer
  region_code text not null,
  requester_department_id uuid not null references department (id),
  requester_region_code text not null,
  fields text[] not null,
  purpose text not null,
  legal_basis text not null,
  status text not null check (status in ('pending', 'approved', 'refused', 'withdrawn')),
  due_date date not null,
  overdue boolean not null default false,
  escalated_at timestamptz,
  answered_at timestamptz,
  -- a staff id, or 'system' when an unconditional resource was granted at once
  answered_by text,
  answer_note text,
  satisfied boolean,
  satisfaction_note text,
  confirmed_at timestamptz,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default clock_now(),
  updated_at timestamptz not null default clock_now()
);
create index data_demand_provider_idx on data_demand (provider_department_id, status);
create index data_demand_requester_idx on data_demand (requester_department_id, status);
-- one open demand per requester and resource: a second click finds the first
create unique index data_demand_open_key on data_demand (requester_department_id, resource_id) where status = 'pending';

create table data_grant (
  id uuid primary key,
  demand_id uuid references data_demand (id),
  resource_id uuid not null references data_resource (id),
  grantee_department_id uuid not null references department (id),
  -- the grantee's region (its keepers read the grant)
  region_code text not null,
  fields text[] not null,
  -- the rows allowed: those of this region subtree, or every row when null
  row_region text,
  valid_from date not null,
  valid_to date not null,
  daily_quota integer not null check (daily_quota > 0),
  status text not null default 'active' check (status in ('active', 'revoked')),
  revoked_reason text,
  version integer not null default 1,
  created_at timestamptz not null default clock_now(),
  updated_at timestamptz not null default clock_now()
);
create index data_grant_grantee_idx on data_grant (grantee_department_id, resource_id);
