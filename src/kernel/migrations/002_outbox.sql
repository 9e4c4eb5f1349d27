-- Transactional outbox: domain events are written in the same transaction as the state
-- change; workers claim them with FOR UPDATE SKIP LOCKED. A timer is an event with a due time.
create table outbox_event (
  id uuid primary key,
  topic text not null,
  payload jsonb not null default '{}'::jsonb,
  region_code text,
  -- optional idempotency key: emitting the same key twice keeps one event
  dedupe_key text unique,
  due_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  processed_at timestamptz
);
create index outbox_event_due_idx on outbox_event (due_at) where status = 'pending';
