-- 基础库 records: the rows a published resource holds, loaded by its provider, looked up by
-- the resource's key field. Every row is SM4-encrypted as a whole (personal data at rest); the
-- key and the ID numbers a row names are kept as keyed blind indexes only, for lookups and for
-- the citizen's data-use ledger.

alter table data_resource
  -- the field one record is found by (公民身份号码, 统一社会信用代码, 标准地址编码 …)
  add column key_field text,
  -- the field holding the 12-digit region code a row belongs to (row conditions of grants)
  add column region_field text;

create sequence data_record_change_seq;

create table data_record (
  resource_id uuid not null references data_resource (id),
  key_index text not null,
  -- the row's region (row conditions); the provider's region when the resource names no region field
  region_code text not null,
  values_enc text not null,
  -- a keyed hash of the values: a reload of the same row changes nothing (and exports nothing)
  values_hash text not null,
  -- blind indexes of the 公民身份号码 the row names: whose data a call touches
  persons text[] not null default '{}',
  changed_at timestamptz not null default clock_now(),
  -- the order of changes, for incremental export (a cursor that never skips rows changed in the same instant)
  change_seq bigint not null default nextval('data_record_change_seq'),
  primary key (resource_id, key_index)
);
create index data_record_change_idx on data_record (resource_id, change_seq);
create index data_record_region_idx on data_record (resource_id, region_code text_pattern_ops);

-- Data issues, tracked to fixed: what the quality rules find at load (completeness, format,
-- duplicates) and what users report (纠错). A rule's finding closes itself when a later load
-- brings a value that passes; a report is closed by the provider with an answer.
create table data_issue (
  id uuid primary key,
  resource_id uuid not null references data_resource (id),
  key_index text not null,
  -- the key as a keeper sees it (masked when the key is personal)
  key_shown text not null,
  field text not null,
  source text not null check (source in ('rule', 'report')),
  rule text check (rule in ('completeness', 'format', 'duplicate')),
  description text not null,
  reported_by text,
  reporter_department_id uuid references department (id),
  status text not null default 'open' check (status in ('open', 'fixed', 'rejected')),
  answer text,
  resolved_by text,
  resolved_at timestamptz,
  created_at timestamptz not null default clock_now(),
  version integer not null default 1
);
create index data_issue_resource_idx on data_issue (resource_id, status);
-- one open finding per record, field and rule
create unique index data_issue_rule_key on data_issue (resource_id, key_index, field, rule) where source = 'rule' and status = 'open';
