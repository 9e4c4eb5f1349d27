-- Citizen accounts grow e-mail, a status and the moment the phone was proven (实名等级 1).
alter table person add column email_enc text;
alter table person add column email_index char(64);
alter table person add column status text not null default 'active' check (status in ('active', 'disabled'));
alter table person add column phone_verified_at timestamptz;
alter table person add column level_source text;
create unique index person_email_key on person (email_index) where email_index is not null;

-- 人口基础库 stand-in: the data module will own the population base; until then identity keeps
-- the records it checks registrations against (name + keyed index of the ID number only).
create table population_record (
  id_number_index char(64) primary key,
  name text not null,
  region_code text,
  deceased boolean not null default false
);

-- One-time codes sent by SMS: only a keyed hash of the code is stored.
create table sms_code (
  id uuid primary key,
  phone_index char(64) not null,
  purpose text not null check (purpose in ('register', 'login', 'reset')),
  code_hash char(64) not null,
  attempts smallint not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz
);
create index sms_code_phone_idx on sms_code (phone_index, purpose, created_at desc);

-- What the SMS gateway was asked to deliver. On the embedded default the development inbox
-- (/dev/sms) shows these, since no carrier is connected.
create table sms_message (
  id uuid primary key,
  phone_masked text not null,
  phone_index char(64) not null,
  body_enc text not null,
  status text not null check (status in ('sent', 'failed')),
  gateway text not null,
  created_at timestamptz not null default now()
);
create index sms_message_phone_idx on sms_message (phone_index, created_at desc);

-- TOTP second factor (RFC 6238) for staff and citizens; the last accepted time step stops a
-- code from being replayed within its 30-second window.
create table totp_credential (
  subject_kind text not null check (subject_kind in ('staff', 'person')),
  subject_id uuid not null,
  secret_enc text not null,
  confirmed_at timestamptz,
  last_step bigint,
  created_at timestamptz not null default now(),
  primary key (subject_kind, subject_id)
);

-- A sign-in between its first factor and its completion (second factor, TOTP enrolment,
-- choosing whom to act for, level step-up), keyed by the provider's interaction uid, which
-- only the browser holding that interaction's cookie can use.
create table login_challenge (
  uid text primary key,
  subject_kind text not null check (subject_kind in ('staff', 'person')),
  subject_id uuid not null,
  method text not null,
  stage text not null,
  expires_at timestamptz not null
);

-- 法人: enterprises and the people who may act for them (经办人).
create table enterprise (
  id uuid primary key,
  uscc char(18) not null unique,
  name text not null,
  legal_rep_person_id uuid not null references person (id),
  region_code text references region (code),
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now()
);

create table enterprise_agent (
  id uuid primary key,
  enterprise_id uuid not null references enterprise (id),
  person_id uuid not null references person (id),
  -- an enterprise administrator may authorise further agents
  is_admin boolean not null default false,
  -- 'all' items, or only the listed catalogue item codes
  scope text not null check (scope in ('all', 'items')),
  item_codes text[] not null default '{}',
  expires_at timestamptz not null,
  granted_by uuid not null references person (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index enterprise_agent_active on enterprise_agent (enterprise_id, person_id) where revoked_at is null;
create index enterprise_agent_person_idx on enterprise_agent (person_id);

-- Sessions get an id the owner can name when revoking, the enterprise acted for, and the
-- channel (portal web, mobile H5, workbench) for the active-user indicators.
alter table session add column id uuid;
update session set id = gen_random_uuid() where id is null;
alter table session alter column id set not null;
create unique index session_id_key on session (id);
alter table session add column acting_enterprise_id uuid references enterprise (id);
alter table session add column channel text not null default 'web';
alter table session add column acr text;
