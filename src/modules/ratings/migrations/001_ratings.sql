-- 好差评: invitations, ratings, rectification tasks. Cases, items, departments, halls, windows,
-- staff and persons are referenced by id without foreign keys (other modules' tables); the names
-- rated are copied at rating time so results and the public page never read those tables.

-- One invitation per case and stage. It carries the rated objects and the due time after which
-- silence counts as 基本满意. The token (stored as its SHA-256) opens the SMS link.
create table rating_invitation (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  stage text not null check (stage in ('submitted', 'accepted', 'completed')),
  region_code text not null check (region_code ~ '^[0-9]{12}$'),
  department_id uuid not null,
  department_name text not null default '',
  item_id uuid not null,
  item_code text not null default '',
  item_name text not null,
  -- online cases are rated on the online dimensions, window cases on the on-site ones
  dimension_set text not null check (dimension_set in ('online', 'offline')),
  rater_person_id uuid not null,
  staff_id uuid,
  staff_name text,
  token_hash char(64) not null unique,
  status text not null default 'open' check (status in ('open', 'rated', 'defaulted')),
  due_at timestamptz not null,
  created_at timestamptz not null default now(),
  constraint rating_invitation_stage_key unique (case_id, stage)
);
create index rating_invitation_rater_idx on rating_invitation (rater_person_id, status);

create table rating (
  id uuid primary key,
  invitation_id uuid not null unique references rating_invitation (id),
  case_id uuid not null,
  case_number text not null,
  stage text not null,
  region_code text not null check (region_code ~ '^[0-9]{12}$'),
  department_id uuid not null,
  department_name text not null default '',
  item_id uuid not null,
  item_code text not null default '',
  item_name text not null,
  hall_id uuid,
  hall_name text,
  window_id uuid,
  window_name text,
  staff_id uuid,
  staff_name text,
  rater_person_id uuid not null,
  -- a clerk's pad or a hotline agent recording the rater's own words
  recorded_by_staff_id uuid,
  channel text not null check (channel in ('portal', 'mobile', 'hall_pad', 'kiosk', 'hotline', 'sms', 'default')),
  level smallint not null check (level between 1 and 5),
  dimensions jsonb not null default '{}',
  tags text[] not null default '{}',
  -- stored as typed; shown as text, never as markup
  comment text not null default '' check (char_length(comment) <= 1000),
  defaulted boolean not null default false,
  -- 申诉复核 upheld: kept and shown, but out of every figure
  excluded boolean not null default false,
  excluded_reason text,
  rated_at timestamptz not null default now(),
  constraint rating_stage_key unique (case_id, stage)
);
create index rating_region_time_idx on rating (region_code text_pattern_ops, rated_at);
create index rating_rater_idx on rating (rater_person_id);

-- 差评整改: one task per bad rating, for the responsible department.
create table rating_task (
  id uuid primary key,
  rating_id uuid not null unique references rating (id),
  region_code text not null,
  department_id uuid not null,
  status text not null default 'open' check (status in ('open', 'called_back', 'verified', 'rectified', 'replied', 'excluded')),
  deadline_days integer not null,
  due_date date not null,
  callback_note text,
  called_back_at timestamptz,
  verify_note text,
  verified_at timestamptz,
  rectify_note text,
  rectified_at timestamptz,
  reply text,
  replied_at timestamptz,
  replied_by uuid,
  overdue boolean not null default false,
  escalated_at timestamptz,
  appeal_status text check (appeal_status in ('pending', 'upheld', 'rejected')),
  appeal_reason text,
  appealed_at timestamptz,
  appeal_decision_note text,
  appeal_decided_by uuid,
  appeal_decided_at timestamptz,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index rating_task_scope_idx on rating_task (region_code text_pattern_ops, department_id, status);
