-- Workflow as data: special procedures, 秒批, 告知承诺制, payment step, overdue reasons, 督办.

-- The special procedure running now (null when none); its history is case_special_procedure.
alter table case_record add column special_procedure jsonb;
-- Why the promised limit was missed (required to finish an overdue case).
alter table case_record add column overdue_reason text;
-- The fee notice a case waits on at its payment step.
alter table case_record add column fee_notice_id uuid;
-- 告知承诺制: what the applicant signed and when ({ text, sm3, signedAt }).
alter table case_record add column commitment jsonb;
-- 秒批: the rules evaluated at submission and their outcome ({ approved, rules: [...] }).
alter table case_record add column instant_result jsonb;

-- 特别程序 (现场勘查, 专家评审, 公示, 听证 …): one row per run, with the working days it paused the clock.
create table case_special_procedure (
  id uuid primary key,
  case_id uuid not null references case_record (id),
  procedure text not null,
  name text not null,
  step_key text,
  reason text,
  pauses_clock boolean not null,
  started_on date not null,
  started_by uuid,
  ended_on date,
  ended_by uuid,
  result text,
  paused_days integer
);
create index case_special_procedure_case on case_special_procedure (case_id, started_on);

-- 督办: a superior's order on a case, answered by the handling department.
create table case_supervision (
  id uuid primary key,
  case_id uuid not null references case_record (id),
  issued_by uuid not null,
  issued_by_name text not null,
  opinion text not null,
  reply_due date not null,
  reply text,
  replied_by uuid,
  replied_by_name text,
  replied_at timestamptz,
  created_at timestamptz not null default now()
);
create index case_supervision_case on case_supervision (case_id, created_at);
create index case_supervision_open on case_supervision (reply_due) where reply is null;

-- 告知承诺制 verification (核查) after approval: due within the item's check period.
create table case_commitment_check (
  case_id uuid primary key references case_record (id),
  region_code text not null,
  department_id uuid not null,
  due date not null,
  result text check (result in ('kept', 'broken')),
  opinion text,
  checked_by uuid,
  checked_by_name text,
  checked_at timestamptz,
  created_at timestamptz not null default now()
);
create index case_commitment_check_open on case_commitment_check (department_id, due) where result is null;
