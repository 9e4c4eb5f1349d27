-- Hash-chained audit log: each entry carries the SM3 hash of the previous one, so a changed
-- or deleted row breaks the chain. audit_head holds the newest seq and hash, so removing the
-- last rows is detected too.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_kind text not null,
  actor_id text,
  action text not null,
  object_type text not null,
  object_id text,
  region_code text,
  details jsonb not null default '{}'::jsonb,
  prev_hash char(64) not null,
  hash char(64) not null
);
create index audit_log_object_idx on audit_log (object_type, object_id);
create index audit_log_actor_idx on audit_log (actor_id, at);

create table audit_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  hash char(64) not null
);
insert into audit_head (seq, hash) values (0, repeat('0', 64));
