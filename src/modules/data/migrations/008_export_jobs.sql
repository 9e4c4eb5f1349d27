-- Bulk export jobs (批量交换, asynchronous): a department system starts one, the outbox runs it
-- under the grant as it stands then, and its file waits in the file store for seven days.

create table data_export_job (
  id uuid primary key,
  -- the system that started it: the only one that reads the job and its file
  client_id text not null,
  resource_code text not null,
  format text not null check (format in ('csv', 'json')),
  changed_since timestamptz,
  purpose text,
  -- the Idempotency-Key header, and the SM3 of the request it stood for (a key is one request)
  idempotency_key text,
  request_sm3 text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- the refusal's code when the run was refused (the grant revoked or expired meanwhile …)
  error_code text,
  rows integer,
  -- the run's entry in data_call (answered or refused)
  call_id bigint,
  -- the newest change the file holds: the next incremental job's changedSince
  last_changed_at timestamptz,
  -- null before the file is written and after it expired
  file_key text,
  file_size integer,
  file_sm3 text,
  created_at timestamptz not null default clock_now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- when the file is deleted (done jobs)
  expires_at timestamptz,
  constraint data_export_job_key unique (client_id, idempotency_key)
);
