-- Bundle cases (一件事 办件, 并联审批). A bundle case is the applicant's one application for a
-- catalogue bundle: one merged form, each material uploaded once. Submitting it creates one
-- ordinary case_record per member item (its own department, region, steps, clock and number),
-- linked here; departments work those cases in their own inboxes at the same time. Members of a
-- later catalogue step are drafts until the earlier step is final (bundle-steps.ts). The bundle's
-- status after submission is not stored: it is computed from its members' rows on every read
-- (bundle-status.ts), so it can never disagree with them.

create table case_bundle (
  id uuid primary key,
  -- null while a draft; from the same counter as case numbers, so never equal to one
  number text unique,
  query_code text,
  -- draft → submitted (then the members decide the status); withdrawn only as a draft
  state text not null check (state in ('draft', 'submitted', 'withdrawn')),
  bundle_id uuid not null,
  bundle_code text not null,
  bundle_name text not null,
  region_code text not null check (region_code ~ '^[0-9]{12}$'),
  lead_department_id uuid,
  applicant_kind text not null check (applicant_kind in ('person', 'enterprise')),
  applicant_enterprise_id uuid,
  applicant_name text not null,
  owner_person_id uuid not null,
  -- the merged form (field names of the bundle's merged form, see catalog bundle-merge.ts)
  form_data jsonb not null default '{}',
  idempotency_key text,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (owner_person_id, idempotency_key)
);
create index case_bundle_owner on case_bundle (owner_person_id, created_at desc);
create index case_bundle_enterprise on case_bundle (applicant_enterprise_id, created_at desc) where applicant_enterprise_id is not null;

-- The items applied for (required ones and the optional ones the applicant chose), and once
-- submitted the member case of each.
create table case_bundle_member (
  bundle_case_id uuid not null references case_bundle (id),
  position integer not null,
  item_id uuid not null,
  item_code text not null,
  item_name text not null,
  -- the catalogue bundle's step (members of one step run in parallel)
  step integer not null,
  optional boolean not null default false,
  case_id uuid unique references case_record (id),
  primary key (bundle_case_id, position)
);

-- Files uploaded in the bundle view, once per merged material; on submission (and on a
-- correction) each member case that needs the material gets a case_material row for the same
-- stored file.
create table case_bundle_file (
  id uuid primary key,
  bundle_case_id uuid not null references case_bundle (id),
  material_key text not null,
  file_key text not null,
  file_name text not null,
  mime text not null,
  size integer not null,
  sm3 char(64) not null,
  stage text not null check (stage in ('draft', 'correction')),
  uploaded_by uuid,
  uploaded_at timestamptz not null default now()
);
create index case_bundle_file_bundle on case_bundle_file (bundle_case_id, material_key);

-- Bundle-level timeline entries (draft, submission, corrections answered, withdrawal); the
-- members' own transitions stay in case_event and are merged in on reading.
create table case_bundle_event (
  id uuid primary key,
  bundle_case_id uuid not null references case_bundle (id),
  at timestamptz not null default now(),
  kind text not null,
  actor_kind text not null,
  actor_id uuid,
  actor_name text,
  details jsonb not null default '{}'
);
create index case_bundle_event_bundle on case_bundle_event (bundle_case_id, at);
