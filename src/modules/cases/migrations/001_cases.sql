-- Cases (办件): one application and everything that happens to it. Items, persons, enterprises
-- and staff are referenced by id without foreign keys: they belong to other modules (read only
-- through their index.ts) and cases may later be distributed by region_code.

-- Case numbers: region (6 digits) + date + sequence. One row per region and day, incremented
-- in the submitting transaction, so numbers are unique across instances without a sequence.
create table case_counter (
  region6 char(6) not null,
  day date not null,
  last integer not null,
  primary key (region6, day)
);

create table case_record (
  id uuid primary key,
  -- null while a draft; assigned at submission
  number text unique,
  -- short code that, with the number, opens the public progress page
  query_code text,
  status text not null check (status in ('draft', 'submitted', 'correction', 'processing', 'completed', 'refused', 'withdrawn')),
  outcome text check (outcome in ('approved', 'disapproved')),
  channel text not null default 'online' check (channel in ('online', 'window')),
  -- the item, and the version frozen at submission (the draft's version until then)
  item_id uuid not null,
  item_version_id uuid not null,
  item_code text not null,
  item_name text not null,
  case_type text not null check (case_type in ('immediate', 'promised')),
  region_code text not null check (region_code ~ '^[0-9]{12}$'),
  department_id uuid not null,
  -- applicant: a person, or an enterprise with the person who acted for it (经办人)
  applicant_kind text not null check (applicant_kind in ('person', 'enterprise')),
  applicant_person_id uuid,
  applicant_enterprise_id uuid,
  applicant_name text not null,
  agent_person_id uuid,
  owner_person_id uuid not null,
  form_data jsonb not null default '{}',
  -- workflow: steps as data, the current one, who claimed it, the roles that may act on it
  steps jsonb not null,
  current_step integer not null default 0,
  current_roles text[] not null default '{}',
  assignee_id uuid,
  -- 补正: asked at most once; the complete list
  correction_count integer not null default 0,
  correction_items jsonb,
  -- 容缺受理: materials that may follow, by when
  deferred_keys text[] not null default '{}',
  deferred_due date,
  -- clocks (working days from the kernel calendar)
  promised_days integer not null default 0,
  statutory_days integer not null default 0,
  clock_start date,
  paused_since date,
  paused_days integer not null default 0,
  promised_due date,
  statutory_due date,
  warning text check (warning in ('yellow', 'red')),
  overdue boolean not null default false,
  idempotency_key text,
  submitted_at timestamptz,
  accepted_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (owner_person_id, idempotency_key)
);
create index case_record_owner on case_record (owner_person_id, created_at desc);
create index case_record_enterprise on case_record (applicant_enterprise_id, created_at desc) where applicant_enterprise_id is not null;
create index case_record_inbox on case_record (region_code text_pattern_ops, department_id) where status in ('submitted', 'processing');
create index case_record_region on case_record (region_code text_pattern_ops, submitted_at);

create table case_material (
  id uuid primary key,
  case_id uuid not null references case_record (id),
  material_key text not null,
  file_key text not null,
  file_name text not null,
  mime text not null,
  size integer not null,
  sm3 char(64) not null,
  -- uploaded while in the stage named (draft, correction, deferred)
  stage text not null,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now()
);
create index case_material_case on case_material (case_id, material_key);

-- The timeline: every transition with its step, actor and opinion.
create table case_event (
  id uuid primary key,
  case_id uuid not null references case_record (id),
  at timestamptz not null default now(),
  kind text not null,
  step_key text,
  actor_kind text not null,
  actor_id uuid,
  actor_name text,
  opinion text,
  details jsonb not null default '{}'
);
create index case_event_case on case_event (case_id, at);
