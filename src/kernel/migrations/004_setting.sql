-- Settings of this node (e.g. which city it serves), shared by all instances.
create table node_setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
