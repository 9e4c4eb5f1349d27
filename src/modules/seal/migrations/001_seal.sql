-- E-seals (电子印章): one row per seal of a department, its key pairs, never deleted.

create table seal (
  id uuid primary key,
  department_id uuid not null references department (id),
  region_code text not null,
  -- official 公章 · approval 行政审批专用章 · licence 电子证照专用章 · business 业务专用章
  kind text not null check (kind in ('official', 'approval', 'licence', 'business')),
  code text not null,
  name text not null,
  subtitle text not null default '',
  status text not null default 'active' check (status in ('active', 'suspended', 'revoked')),
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  image_svg text not null,
  image_png_key text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to > valid_from),
  constraint seal_code_key unique (code)
);
-- One live seal of each kind per department; a revoked one may be replaced.
create unique index seal_department_kind_live on seal (department_id, kind) where status <> 'revoked';
create index seal_region_idx on seal (region_code text_pattern_ops);

-- Key id = first 16 hex of SM3(public key). Old keys stay (retired_at set) so every signature
-- ever made can still be checked; the private key is SM4-encrypted, or absent when a hardware
-- module (签名验签服务器) holds it and `handle` names it there.
create table seal_key (
  id text primary key,
  seal_id uuid not null references seal (id),
  provider text not null,
  public_key text not null,
  private_key_enc text,
  handle text,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create index seal_key_seal_idx on seal_key (seal_id);
create unique index seal_key_current on seal_key (seal_id) where retired_at is null;
