-- 用证 with consent: who may ask to use which licence type, and the holders' answers.

-- Keyed blind index of the holder's ID number / USCC, so a requester who knows the holder
-- can find the licence without the number being stored in clear.
alter table licence add column holder_code_index text;
create index licence_holder_code_idx on licence (holder_code_index, type_id);

-- 共享授权: a department or an enterprise (bank, landlord …) may ask for licences of a type;
-- `without_consent` when a law lets it use them without asking the holder (recorded as such).
create table licence_use_grant (
  id uuid primary key,
  type_id uuid not null references licence_type (id),
  grantee_kind text not null check (grantee_kind in ('department', 'enterprise')),
  grantee_ref text not null,
  grantee_name text not null,
  without_consent boolean not null default false,
  legal_basis text not null default '',
  created_at timestamptz not null default now(),
  constraint licence_use_grant_key unique (type_id, grantee_kind, grantee_ref)
);

create table licence_use_request (
  id uuid primary key,
  licence_id uuid not null references licence (id),
  grant_id uuid not null references licence_use_grant (id),
  purpose text not null,
  -- pending → approved | refused (by the holder) | lawful (no consent needed, by the grant)
  status text not null check (status in ('pending', 'approved', 'refused', 'lawful')),
  requester_kind text not null,
  requester_id text,
  requester_name text not null,
  decided_at timestamptz,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index licence_use_request_licence_idx on licence_use_request (licence_id, created_at);

-- Who used the licence, as the holder should read it (a department or enterprise name).
alter table licence_use add column user_name text not null default '';
