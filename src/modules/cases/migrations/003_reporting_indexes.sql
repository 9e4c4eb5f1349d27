-- Indexes for reporting (records export, indicator inputs, department statistics) and for the
-- workbench inbox at a million cases. Plain CREATE INDEX: migrations run in one transaction, where
-- CONCURRENTLY is not allowed; on a large existing table build these by hand with CONCURRENTLY
-- first (same names, IF NOT EXISTS makes the migration then a no-op).

-- Inbox of department-scoped staff (approvers): active cases of one department, most urgent
-- deadline first, so the first page is read from the index without sorting every open case.
create index if not exists case_record_inbox_due on case_record (department_id, promised_due, submitted_at)
  where status in ('submitted', 'processing');

-- Volumes by department and period (received, accepted, completed/refused); region-wide
-- reports use case_record_region (region_code, submitted_at) from 001.
create index if not exists case_record_dept_submitted on case_record (department_id, submitted_at);
create index if not exists case_record_accepted on case_record (accepted_at) where accepted_at is not null;
create index if not exists case_record_completed on case_record (completed_at) where completed_at is not null;

-- Records export pages in (submitted_at, id) order with a keyset cursor.
create index if not exists case_record_export on case_record (submitted_at, id) where number is not null;

-- 已办 (done view): cases a staff member acted on.
create index if not exists case_event_actor on case_event (actor_id, case_id) where actor_id is not null;
