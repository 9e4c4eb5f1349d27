-- 12345 department handling after 签收 (issue #16 points 5 and 6): 延期 requests and the centre's
-- decision, 督办 and the department's reply, 重办 (reopen), the overdue facts the deadline timers
-- record once, and 回访 results (the centre's call-back or the caller's SMS reply).

alter table hotline_ticket
  -- the working day from which the 办结 deadline shows yellow (1 working day before the due
  -- date), kept with the due date so lists filter by warning in SQL without the calendar
  add column due_yellow_on date,
  add column reopen_count integer not null default 0,
  add column return_count integer not null default 0;

update hotline_ticket set due_yellow_on = due_date where due_yellow_on is null;

-- 延期: the department asks for more working days with a reason; the centre approves (the due
-- date moves by the days on the kernel calendar) or refuses with a reason. One open request per
-- ticket; how many a ticket may have is the service's rule (handling.ts).
create table hotline_extension (
  id uuid primary key,
  ticket_id uuid not null references hotline_ticket (id),
  department_id uuid not null references department (id),
  days integer not null check (days between 1 and 10),
  reason text not null,
  status text not null check (status in ('open', 'approved', 'refused', 'lapsed')),
  requested_by text not null,
  requested_at timestamptz not null default clock_now(),
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  due_before date not null,
  due_after date
);
create unique index hotline_extension_open on hotline_extension (ticket_id) where status = 'open';
create index hotline_extension_ticket_idx on hotline_extension (ticket_id, requested_at);

-- 督办: the centre supervises an overdue or complained ticket, the department replies. Kept
-- per department so reports count 督办 per department and period.
create table hotline_supervision (
  id uuid primary key,
  ticket_id uuid not null references hotline_ticket (id),
  department_id uuid not null references department (id),
  region_code text not null,
  note text not null,
  supervised_by text not null,
  supervised_at timestamptz not null default clock_now(),
  reply text,
  replied_by text,
  replied_at timestamptz
);
create unique index hotline_supervision_open on hotline_supervision (ticket_id) where replied_at is null;
create index hotline_supervision_department_idx on hotline_supervision (department_id, supervised_at);

-- A deadline passed (签收 or 办结) for a due date: recorded once, however often the timer runs.
create table hotline_overdue (
  ticket_id uuid not null references hotline_ticket (id),
  deadline text not null check (deadline in ('accept', 'complete')),
  due date not null,
  department_id uuid not null references department (id),
  recorded_at timestamptz not null default clock_now(),
  primary key (ticket_id, deadline, due)
);

-- 回访: one result per round of handling (round = the ticket's reopen count when it was
-- completed), by the centre's call-back or the caller's SMS reply, whichever comes first.
create table hotline_callback (
  ticket_id uuid not null references hotline_ticket (id),
  round integer not null,
  department_id uuid not null references department (id),
  region_code text not null,
  result text not null check (result in ('satisfied', 'basic', 'unsatisfied')),
  channel text not null check (channel in ('hotline', 'sms')),
  note text,
  recorded_by text,
  recorded_at timestamptz not null default clock_now(),
  primary key (ticket_id, round)
);
create index hotline_callback_recorded_idx on hotline_callback (recorded_at);
create index hotline_ticket_completed_idx on hotline_ticket (completed_at);

-- The SMS survey (短信回访) sent at 办结 to a caller who gave a phone: when, so a reply answers
-- the latest survey sent before it (the ratings module's SMS replies share the phone).
alter table hotline_ticket add column survey_sent_at timestamptz;
create index hotline_ticket_survey_idx on hotline_ticket (caller_phone_index, survey_sent_at desc) where survey_sent_at is not null;
