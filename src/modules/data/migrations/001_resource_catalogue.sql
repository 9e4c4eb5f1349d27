-- 政务信息资源目录: the data each department holds, field by field, with how it may be shared
-- and opened. Published resources are what sharing demands and the gateway work on; every
-- publication is kept as a version.

create table data_resource (
  id uuid primary key,
  -- 信息资源代码: 分类码 '/' 顺序码 (6 digits within the class code)
  code text not null,
  class_code text not null,
  name text not null,
  summary text not null,
  provider_department_id uuid not null references department (id),
  region_code text not null,
  format text not null check (format in ('database', 'file', 'api')),
  sharing_type text not null check (sharing_type in ('unconditional', 'conditional', 'none')),
  sharing_condition text,
  sharing_method text not null check (sharing_method in ('api', 'bulk', 'both')),
  open_type text not null check (open_type in ('open', 'conditional', 'closed')),
  open_condition text,
  update_cycle text not null check (update_cycle in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular')),
  source_system text not null,
  legal_basis text,
  related_codes text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'published', 'retired')),
  version integer not null default 1,
  recorded_versions integer not null default 0,
  published_at timestamptz,
  created_at timestamptz not null default clock_now(),
  updated_at timestamptz not null default clock_now(),
  constraint data_resource_code_key unique (code)
);
create index data_resource_region_idx on data_resource (region_code text_pattern_ops);
create index data_resource_provider_idx on data_resource (provider_department_id);

-- 信息项, in the order the provider lists them
create table data_resource_field (
  resource_id uuid not null references data_resource (id) on delete cascade,
  position integer not null,
  key text not null,
  name text not null,
  type text not null,
  length integer,
  personal text,
  sharing_type text not null check (sharing_type in ('unconditional', 'conditional', 'none')),
  -- 数据元 and whether this resource is its authoritative source (一数一源)
  data_item text,
  authoritative boolean not null default false,
  primary key (resource_id, key)
);
create index data_resource_field_item_idx on data_resource_field (data_item) where authoritative;

-- each publication (and retirement) as it was: the catalogue's history
create table data_resource_version (
  resource_id uuid not null references data_resource (id) on delete cascade,
  version_no integer not null,
  status text not null,
  reason text,
  actor_kind text not null,
  actor_id text,
  actor_name text,
  content jsonb not null,
  at timestamptz not null default clock_now(),
  primary key (resource_id, version_no)
);
