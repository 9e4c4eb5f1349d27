-- Service-item catalogue (事项管理): item types, items (业务办理项 of an 实施清单), versions with
-- their workflow, bundles (一件事), synonyms for search, import log, and the reference lists
-- (licence types, base-library fields) materials may point to.
-- Items reference org departments by id without a foreign key: the catalogue checks them through
-- org's exported functions, and items may later be distributed by region_code.

create table catalog_item_type (
  code text primary key,
  name text not null,
  -- the letter used inside a 基本编码
  letter char(1) not null unique,
  -- 依申请 (application-based): counted by the service indicators
  application_based boolean not null,
  sort smallint not null
);
insert into catalog_item_type (code, name, letter, application_based, sort) values
  ('01', '行政许可', 'A', true, 1),
  ('02', '行政处罚', 'B', false, 2),
  ('03', '行政强制', 'C', false, 3),
  ('04', '行政征收', 'D', false, 4),
  ('05', '行政给付', 'E', true, 5),
  ('06', '行政检查', 'F', false, 6),
  ('07', '行政确认', 'G', true, 7),
  ('08', '行政奖励', 'H', true, 8),
  ('09', '行政裁决', 'I', true, 9),
  ('20', '其他行政权力', 'J', true, 10),
  ('21', '公共服务', 'K', true, 11);

-- Licence types (证照目录) and base-library fields materials and form fields may name. The
-- license and data modules will own these directories; until then the catalogue keeps the list.
create table catalog_license_type (
  code text primary key,
  name text not null,
  holder text not null check (holder in ('person', 'entity')),
  department_code text not null default '',
  fields jsonb not null default '{}'
);
create table catalog_base_field (
  key text primary key,
  label text not null,
  library text not null,
  provider text not null default ''
);

create table catalog_item (
  id uuid primary key,
  -- 业务办理项编码, parsed segments beside it
  code text not null,
  implementation_code text not null,
  basic_code text not null,
  basic_source char(2) not null,
  basic_type_letter char(1) not null,
  basic_main text not null,
  basic_child text not null,
  impl_region_code text not null,
  impl_uscc char(18) not null,
  situation text not null,
  sequence text not null,
  region_code text not null check (region_code ~ '^[0-9]{12}$'),
  department_id uuid not null,
  -- summary of the versions: draft (never published), published, retired
  status text not null default 'draft' check (status in ('draft', 'published', 'retired')),
  published_version_id uuid,
  popularity integer not null default 0,
  view_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint catalog_item_code_key unique (code)
);
create index catalog_item_region_idx on catalog_item (region_code text_pattern_ops);
create index catalog_item_department_idx on catalog_item (department_id);
create index catalog_item_basic_idx on catalog_item (basic_code);
create index catalog_item_impl_idx on catalog_item (implementation_code);

create table catalog_item_version (
  id uuid primary key,
  item_id uuid not null references catalog_item (id),
  version_no integer not null,
  status text not null check (status in ('draft', 'submitted', 'reviewed', 'published', 'retired')),
  -- the editable content, validated against ItemContent (content.ts)
  content jsonb not null,
  content_hash char(64) not null,
  -- columns copied from the content for queries
  name text not null,
  type_code text references catalog_item_type (code),
  level text,
  region_code text not null,
  department_id uuid not null,
  quality jsonb not null,
  quality_ok boolean not null,
  lock_version integer not null default 1,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_by text,
  submitted_at timestamptz,
  reviewed_by text,
  reviewed_at timestamptz,
  review_comment text,
  published_by text,
  published_at timestamptz,
  retired_at timestamptz,
  constraint catalog_item_version_no_key unique (item_id, version_no)
);
-- at most one version in progress and one published version per item
create unique index catalog_item_version_open_idx on catalog_item_version (item_id) where status in ('draft', 'submitted', 'reviewed');
create unique index catalog_item_version_published_idx on catalog_item_version (item_id) where status = 'published';
create index catalog_item_version_region_idx on catalog_item_version (region_code text_pattern_ops, status);

-- A published or retired version is immutable: only published → retired may change it.
create function catalog_version_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status in ('published', 'retired') then
      raise exception 'published item version % is immutable', old.id using errcode = 'P0001', hint = 'CATALOG_IMMUTABLE';
    end if;
    return old;
  end if;
  if old.status = 'retired' or (old.status = 'published' and (
       new.status <> 'retired' or new.content is distinct from old.content or new.name is distinct from old.name
       or new.type_code is distinct from old.type_code or new.version_no <> old.version_no or new.item_id <> old.item_id)) then
    raise exception 'published item version % is immutable', old.id using errcode = 'P0001', hint = 'CATALOG_IMMUTABLE';
  end if;
  return new;
end $$;
create trigger catalog_item_version_immutable before update or delete on catalog_item_version
  for each row execute function catalog_version_immutable();

create table catalog_bundle (
  id uuid primary key,
  code text not null,
  name text not null,
  region_code text not null check (region_code ~ '^[0-9]{12}$'),
  lead_department_id uuid,
  audience text not null check (audience in ('person', 'entity')),
  status text not null default 'draft' check (status in ('draft', 'published', 'retired')),
  -- aliases, theme, guide, promised limit, visits …
  content jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  constraint catalog_bundle_code_key unique (code)
);
create index catalog_bundle_region_idx on catalog_bundle (region_code text_pattern_ops);

create table catalog_bundle_member (
  bundle_id uuid not null references catalog_bundle (id) on delete cascade,
  position smallint not null,
  item_id uuid references catalog_item (id),
  child_bundle_id uuid references catalog_bundle (id),
  -- same step = parallel; a higher step follows the lower ones
  step smallint not null,
  optional boolean not null default false,
  condition text not null default '',
  primary key (bundle_id, position),
  check ((item_id is null) <> (child_bundle_id is null))
);
create index catalog_bundle_member_item_idx on catalog_bundle_member (item_id);
create index catalog_bundle_member_child_idx on catalog_bundle_member (child_bundle_id);

-- Synonym groups maintained by administrators: every word of a group finds the others.
create table catalog_synonym (
  id uuid primary key,
  words text[] not null,
  region_code text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Bumped whenever what search sees changes, so every instance rebuilds its in-memory index.
create table catalog_search_state (
  id boolean primary key default true check (id),
  generation bigint not null
);
insert into catalog_search_state (id, generation) values (true, 1);

create table catalog_import (
  id uuid primary key,
  file_name text not null,
  file_sha256 char(64) not null,
  size integer not null,
  status text not null check (status in ('applied', 'rejected')),
  report jsonb not null,
  actor_id text,
  region_code text not null,
  created_at timestamptz not null default now()
);
