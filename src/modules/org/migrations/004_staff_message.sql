-- 工作人员站内消息: what the workbench bell shows a staff member (deadline warnings, assignments,
-- supervision orders, rectification tasks). Written in the transaction of the event it tells of,
-- so a message exists exactly when the event committed. The text is rendered when read, in the
-- reader's language, from `kind` and `params`. A deleted account's messages go with it.
create table staff_message (
  id uuid primary key,
  staff_id uuid not null references staff (id) on delete cascade,
  kind text not null,
  -- the case it is about; no foreign key across modules
  case_id uuid,
  -- another object it is about (a rating task, a supervision order)
  ref text,
  params jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index staff_message_inbox on staff_message (staff_id, created_at desc, id desc);
-- the bell's count and "mark all read" touch only the unread rows
create index staff_message_unread on staff_message (staff_id) where read_at is null;
