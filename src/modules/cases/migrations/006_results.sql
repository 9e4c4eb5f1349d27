-- Results of a finished case: the decision documents (结果文书) as sealed PDFs, the licence the
-- case produced, the licences it relied on (免证办), and what went wrong while producing them.

-- 准予许可决定书 / 不予许可决定书 / 不予受理通知书: one of each kind per case at most, so a
-- completion event delivered twice stores one document.
create table case_result (
  id uuid primary key,
  case_id uuid not null references case_record (id),
  region_code text not null,
  kind text not null check (kind in ('approval', 'disapproval', 'refusal')),
  title text not null,
  file_key text not null,
  file_name text not null,
  size integer not null,
  sm3 char(64) not null,
  -- the department seal that signed the SM3 of the PDF
  seal_id uuid not null,
  key_id text not null,
  signature text not null,
  created_at timestamptz not null default now(),
  constraint case_result_kind_key unique (case_id, kind)
);

-- The licence a case issued (电子证照 as result): one per case.
create table case_result_licence (
  case_id uuid primary key references case_record (id),
  licence_id uuid not null,
  identifier text not null,
  type_code text not null,
  created_at timestamptz not null default now()
);

-- A result that could not be produced (no seal for the department, no licence type …): shown
-- to staff until a retry succeeds. One row per case and stage; a new failure overwrites it.
create table case_result_problem (
  case_id uuid not null references case_record (id),
  stage text not null check (stage in ('document', 'licence')),
  code text not null,
  details jsonb not null default '{}',
  attempts integer not null default 1,
  at timestamptz not null default now(),
  primary key (case_id, stage)
);

-- 免证办: a material the applicant did not upload because a valid e-licence of theirs replaced it.
-- The use is recorded in the licence module once per case and material.
create table case_licence_use (
  case_id uuid not null references case_record (id),
  material_key text not null,
  licence_identifier text not null,
  at timestamptz not null default now(),
  primary key (case_id, material_key)
);
