-- 12345 hotline: the content categories (诉求分类, two levels), the responsibility catalogue
-- (按职分转: which department handles a category in a region), and the tickets (工单) of every
-- channel with their history.

create table hotline_category (
  code text primary key,
  parent_code text references hotline_category (code),
  name text not null,
  name_en text not null,
  position integer not null default 0,
  active boolean not null default true
);
create index hotline_category_parent_idx on hotline_category (parent_code, position);

-- 派单目录: a category (or its parent) in a region subtree goes to a department; the longest
-- region prefix wins, so a county row is the exception to the city's.
create table hotline_responsibility (
  category_code text not null references hotline_category (code),
  region_code text not null,
  department_id uuid not null references department (id),
  primary key (category_code, region_code)
);

create sequence hotline_ticket_seq;

create table hotline_ticket (
  id uuid primary key,
  -- what the caller follows the ticket by (with the query code), stable forever
  number text not null unique,
  query_code_index text not null,
  kind text not null check (kind in ('consultation', 'help', 'complaint', 'report', 'suggestion', 'praise')),
  category_code text not null references hotline_category (code),
  channel text not null check (channel in ('phone', 'portal', 'sms', 'api', 'open311')),
  status text not null check (status in ('new', 'dispatched', 'accepted', 'returned', 'completed', 'closed')),
  title text not null,
  content text not null,
  -- the caller: a signed-in person, or a name and phone given (both SM4-encrypted, the phone
  -- also as a blind index to find a caller's history); anonymous: kept for the centre's
  -- call-back only, never shown to a department (匿名/保密)
  caller_person_id uuid,
  caller_name_enc text,
  caller_phone_enc text,
  caller_phone_index text,
  anonymous boolean not null default false,
  -- where: an address, the region it lies in (12 digits) and WGS-84 coordinates if given
  address text,
  region_code text not null,
  lat double precision,
  lng double precision,
  -- 按职分转: the department suggested with why, and the one the centre dispatched to (主办)
  suggested_department_id uuid references department (id),
  suggestion jsonb not null default '{}',
  department_id uuid references department (id),
  accept_due date,
  due_date date not null,
  reply text,
  -- 直接答复 by the centre: closed at intake (一次办结)
  answered_at_intake boolean not null default false,
  dispatched_at timestamptz,
  accepted_at timestamptz,
  completed_at timestamptz,
  -- who created it through which client (department systems, Open311 apps) and the key they
  -- gave: the same request posted twice is one ticket
  client_id text,
  idempotency_key text,
  created_by text,
  created_at timestamptz not null default clock_now(),
  updated_at timestamptz not null default clock_now(),
  version integer not null default 1,
  constraint hotline_ticket_idempotency unique (client_id, idempotency_key)
);
create index hotline_ticket_status_idx on hotline_ticket (status, region_code);
create index hotline_ticket_department_idx on hotline_ticket (department_id, status);
create index hotline_ticket_caller_idx on hotline_ticket (caller_phone_index, created_at desc);
create index hotline_ticket_person_idx on hotline_ticket (caller_person_id, created_at desc);
create index hotline_ticket_created_idx on hotline_ticket (created_at desc);

-- Every step of a ticket: created, dispatched, accepted, returned, completed, answered …
create table hotline_ticket_event (
  id bigserial primary key,
  ticket_id uuid not null references hotline_ticket (id),
  at timestamptz not null default clock_now(),
  action text not null,
  actor_kind text not null,
  actor_id text,
  department_id uuid,
  note text
);
create index hotline_ticket_event_ticket_idx on hotline_ticket_event (ticket_id, id);
