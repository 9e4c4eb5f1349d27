-- Citizens (自然人) with personal fields encrypted at rest, and server-side sessions shared by
-- every instance. The identity issue adds the OpenID Provider on top of these.
create table person (
  id uuid primary key,
  name text not null,
  id_number_enc text not null,
  id_number_index char(64) not null,
  phone_enc text,
  phone_index char(64),
  password_hash text not null,
  -- 实名等级: 1 phone verified, 2 checked against the population base, 3 verified in person
  assurance_level smallint not null default 1 check (assurance_level between 1 and 3),
  region_code text references region (code),
  created_at timestamptz not null default now(),
  constraint person_id_number_key unique (id_number_index),
  constraint person_phone_key unique (phone_index)
);

create table session (
  -- SHA-256 of the cookie value: a leaked table does not yield usable cookies
  token_hash char(64) primary key,
  subject_kind text not null check (subject_kind in ('staff', 'person')),
  subject_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index session_subject_idx on session (subject_kind, subject_id);
create index session_expiry_idx on session (expires_at);
