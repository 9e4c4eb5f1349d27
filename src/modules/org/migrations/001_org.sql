-- Organisation model: regions (行政区划), departments, service halls, windows, kiosks, staff, roles.

create table region (
  code text primary key check (code ~ '^[0-9]{12}$'),
  name text not null,
  level smallint not null check (level between 1 and 5),
  parent_code text references region (code)
);
create index region_parent_idx on region (parent_code);
create index region_name_idx on region (name);

create table department (
  id uuid primary key,
  code text not null,
  name text not null,
  short_name text not null default '',
  uscc char(18) not null,
  parent_id uuid references department (id),
  region_code text not null references region (code),
  sector text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint department_code_key unique (code),
  constraint department_uscc_key unique (uscc)
);
create index department_region_idx on department (region_code text_pattern_ops);
create index department_parent_idx on department (parent_id);

create table hall (
  id uuid primary key,
  name text not null,
  region_code text not null references region (code),
  address text not null default '',
  department_id uuid references department (id),
  phone text not null default '',
  opening_hours text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hall_region_idx on hall (region_code text_pattern_ops);

-- "window" is an SQL keyword, hence service_window.
create table service_window (
  id uuid primary key,
  hall_id uuid not null references hall (id),
  region_code text not null references region (code),
  number text not null,
  name text not null,
  is_general boolean not null default false,
  department_id uuid references department (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint service_window_number_key unique (hall_id, number)
);
create index service_window_region_idx on service_window (region_code text_pattern_ops);

create table kiosk (
  id uuid primary key,
  code text not null,
  name text not null,
  location text not null default '',
  region_code text not null references region (code),
  hall_id uuid references hall (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kiosk_code_key unique (code)
);
create index kiosk_region_idx on kiosk (region_code text_pattern_ops);

create table staff (
  id uuid primary key,
  username text not null,
  name text not null,
  department_id uuid references department (id),
  region_code text not null references region (code),
  -- phone encrypted with SM4; phone_index is a keyed SM3 blind index for exact lookups
  phone_enc text,
  phone_index char(64),
  password_hash text not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint staff_username_key unique (username)
);
create index staff_department_idx on staff (department_id);
create index staff_region_idx on staff (region_code text_pattern_ops);

create table staff_role (
  staff_id uuid not null references staff (id) on delete cascade,
  role text not null,
  region_code text not null references region (code),
  department_id uuid references department (id),
  primary key (staff_id, role, region_code)
);
