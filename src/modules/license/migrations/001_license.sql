-- Electronic licences (电子证照): the catalogue of licence types, issued licences, their
-- operations, holder presentations and uses.

create table licence_type (
  id uuid primary key,
  -- 证照类型代码: the defining body's USCC + a 3-digit sequence (GB/T 36904)
  code char(21) not null,
  name text not null,
  holder_kind text not null check (holder_kind in ('person', 'enterprise')),
  defining_department_id uuid not null references department (id),
  region_code text not null,
  issuing_department_ids uuid[] not null,
  -- [{key, label, type: text|date|number, required, personal}]
  fields jsonb not null,
  -- {years, months}: validity period from the start day; {} = long-term (长期)
  validity jsonb not null default '{}',
  -- {title, note}: what the rendered document prints
  template jsonb not null default '{}',
  -- service-catalogue items whose cases produce this licence
  catalogue_items text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'retired')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint licence_type_code_key unique (code)
);
create index licence_type_region_idx on licence_type (region_code text_pattern_ops);

create table licence (
  id uuid primary key,
  identifier text not null,
  type_id uuid not null references licence_type (id),
  serial text not null,
  version_no integer not null,
  issuer_department_id uuid not null references department (id),
  region_code text not null,
  holder_kind text not null check (holder_kind in ('person', 'enterprise')),
  -- person: the person id (wallet owner) or 'idx:' + blind index of the ID number when the
  -- holder has no account yet; enterprise: its USCC
  holder_ref text not null,
  -- the signed canonical JSON, SM4-encrypted (it carries names and ID numbers)
  document_enc text not null,
  document_sm3 text not null,
  signature text not null,
  key_id text not null,
  seal_id uuid not null,
  -- 证照状态 (STANDARDS.md §1.3): 01 有效 02 暂扣 03 撤销 04 注销 05 失效 06 办理转出 07 吊销 99 其他
  status text not null default '01' check (status in ('01', '02', '03', '04', '05', '06', '07', '99')),
  -- the operation that created this version: 01 新发 02 延续 08 转入 09 变更
  operation text not null,
  related_identifier text,
  issued_at timestamptz not null,
  valid_from date not null,
  valid_to date,
  case_id text,
  source text not null default 'staff' check (source in ('staff', 'case', 'import')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint licence_identifier_key unique (identifier)
);
create index licence_holder_idx on licence (holder_kind, holder_ref);
create index licence_issuer_idx on licence (issuer_department_id, issued_at);
create index licence_region_idx on licence (region_code text_pattern_ops);
create index licence_serial_idx on licence (type_id, issuer_department_id, serial);

-- 操作类型 log: every change of a licence's status, who did it and why.
create table licence_operation (
  id uuid primary key,
  licence_id uuid not null references licence (id),
  operation text not null,
  status_from text,
  status_to text not null,
  reason text not null default '',
  actor_kind text not null,
  actor_id text,
  at timestamptz not null default now()
);
create index licence_operation_licence_idx on licence_operation (licence_id, at);

-- A holder's presentation (出示): a short-lived token naming the fields it reveals. Only the
-- SHA-256 of the token is stored.
create table licence_presentation (
  token_hash text primary key,
  licence_id uuid not null references licence (id),
  fields text[] not null,
  once boolean not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index licence_presentation_licence_idx on licence_presentation (licence_id);

-- 用证: each time a licence was used (a presentation checked, a case that relied on it).
create table licence_use (
  id uuid primary key,
  licence_id uuid not null references licence (id),
  issuer_department_id uuid not null,
  kind text not null check (kind in ('presentation', 'case', 'exchange')),
  purpose text not null default '',
  user_department_id uuid,
  actor_kind text not null,
  actor_id text,
  at timestamptz not null default now()
);
create index licence_use_at_idx on licence_use (at);
create index licence_use_licence_idx on licence_use (licence_id, at);
