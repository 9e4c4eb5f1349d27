-- Non-tax payment (非税支付): fee notices with payment codes, channel transactions, e-receipts,
-- refunds and reconciliation. Money is bigint fen everywhere; no sequences (UUIDv7 ids) except
-- the receipt counter, which is a gap-free number series required by the receipt standard.

create table payment_notice (
  id uuid primary key,
  -- 缴款码: 20 digits, unique across every instance writing to this database
  code char(20) not null,
  case_id uuid,
  item_code text,
  payer_person_id uuid,
  payer_name text not null,
  -- 执收单位: the collecting department, with its name as of issue (receipts quote it)
  department_id uuid not null,
  department_name text not null,
  region_code text not null,
  amount_fen bigint not null check (amount_fen > 0),
  due_date date not null,
  status text not null default 'unpaid' check (status in ('unpaid', 'paid', 'cancelled', 'refunded')),
  paid_at timestamptz,
  paid_channel text,
  refunded_fen bigint not null default 0 check (refunded_fen >= 0),
  created_by_kind text not null,
  created_by uuid,
  cancel_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payment_notice_code_key unique (code)
);
create index payment_notice_region_idx on payment_notice (region_code text_pattern_ops);
create index payment_notice_payer_idx on payment_notice (payer_person_id);
create index payment_notice_case_idx on payment_notice (case_id);
-- a case waits on one open notice at a time
create unique index payment_notice_case_open_key on payment_notice (case_id) where status = 'unpaid';
create index payment_notice_dept_idx on payment_notice (department_id, created_at);

create table payment_notice_line (
  notice_id uuid not null references payment_notice (id) on delete cascade,
  line_no smallint not null,
  name text not null,
  unit_fen bigint not null check (unit_fen >= 0),
  quantity integer not null check (quantity > 0),
  reduction_fen bigint not null default 0 check (reduction_fen >= 0),
  reduction_basis text,
  amount_fen bigint not null check (amount_fen >= 0),
  primary key (notice_id, line_no)
);

-- One pay attempt of a payer through one channel (the channel's merchant order).
create table payment_order (
  id uuid primary key,
  notice_id uuid not null references payment_notice (id),
  channel text not null,
  amount_fen bigint not null,
  pay_url text not null,
  status text not null default 'open' check (status in ('open', 'paid', 'closed')),
  region_code text not null,
  created_at timestamptz not null default now()
);
create index payment_order_notice_idx on payment_order (notice_id);

-- Money a channel reported as received. Exactly one credited transaction per notice (the
-- partial unique index is the last line of defence when two channels report the same notice);
-- any other money for the notice is to be refunded.
create table payment_transaction (
  id uuid primary key,
  notice_id uuid not null references payment_notice (id),
  channel text not null,
  channel_txn_id text not null,
  amount_fen bigint not null,
  paid_at timestamptz not null,
  disposition text not null check (disposition in ('credited', 'refund_due')),
  reason text,
  region_code text not null,
  department_id uuid not null,
  created_at timestamptz not null default now(),
  constraint payment_transaction_channel_key unique (channel, channel_txn_id)
);
create unique index payment_transaction_credited_key on payment_transaction (notice_id) where disposition = 'credited';
create index payment_transaction_paid_idx on payment_transaction (channel, paid_at);

-- Every callback we accepted or refused, for the audit trail and for idempotency of notifications.
create table payment_callback (
  id uuid primary key,
  channel text not null,
  notify_id text,
  outcome text not null,
  body_sm3 char(64) not null,
  received_at timestamptz not null default now()
);
create index payment_callback_notify_idx on payment_callback (channel, notify_id);

-- 票据号码 series: one row per 票据代码; the row lock serialises issuers of the same code
-- and rolls back with a failed payment, so the numbers have no gaps.
create table payment_receipt_counter (
  receipt_code char(8) primary key,
  last_number bigint not null
);

create table payment_receipt (
  id uuid primary key,
  notice_id uuid not null references payment_notice (id),
  receipt_code char(8) not null,
  receipt_number char(10) not null,
  -- short code printed on the receipt, needed with the numbers to verify it
  check_code char(8) not null,
  amount_fen bigint not null,
  content jsonb not null,
  signature text not null,
  signer_kind text not null,
  signer_key_id text not null,
  signer_public_key text not null,
  region_code text not null,
  department_id uuid not null,
  issued_at timestamptz not null default now(),
  constraint payment_receipt_number_key unique (receipt_code, receipt_number),
  constraint payment_receipt_notice_key unique (notice_id)
);

-- Signing keys of collecting units for receipts (used while no e-seal module signs them).
create table payment_signing_key (
  department_id uuid primary key,
  key_id text not null,
  public_key text not null,
  private_key_enc text not null,
  created_at timestamptz not null default now()
);

create table payment_refund (
  id uuid primary key,
  notice_id uuid not null references payment_notice (id),
  transaction_id uuid not null references payment_transaction (id),
  channel text not null,
  amount_fen bigint not null check (amount_fen > 0),
  reason text not null,
  origin text not null check (origin in ('staff', 'cancelled_notice', 'duplicate_payment', 'late_payment', 'reconciliation')),
  status text not null check (status in ('requested', 'approved', 'rejected', 'sent', 'done', 'failed')),
  requested_by_kind text not null,
  requested_by uuid,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  channel_refund_id text,
  failure text,
  -- when the channel paid it out (the day it appears on the channel's statement)
  done_at timestamptz,
  region_code text not null,
  department_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payment_refund_notice_idx on payment_refund (notice_id);
create index payment_refund_done_idx on payment_refund (channel, done_at);
create index payment_refund_region_idx on payment_refund (region_code text_pattern_ops);
create unique index payment_refund_auto_key on payment_refund (transaction_id) where origin <> 'staff';

-- One reconciliation of one channel's statement for one day.
create table payment_recon_run (
  id uuid primary key,
  channel text not null,
  day date not null,
  status text not null check (status in ('running', 'done', 'failed')),
  statement_lines integer not null default 0,
  matched integer not null default 0,
  missing_ours integer not null default 0,
  missing_channel integer not null default 0,
  amount_mismatch integer not null default 0,
  error text,
  started_by_kind text not null,
  started_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index payment_recon_run_day_idx on payment_recon_run (day, channel);

-- The statement being reconciled; emptied when the run ends.
create table payment_statement_line (
  run_id uuid not null,
  line_no integer not null,
  kind text not null,
  channel_txn_id text not null,
  payment_code text not null,
  amount_fen bigint not null
);
create index payment_statement_line_run_idx on payment_statement_line (run_id, kind, channel_txn_id);

-- Per run, channel and collecting unit: what matched (for the daily report).
create table payment_recon_total (
  run_id uuid not null references payment_recon_run (id) on delete cascade,
  department_id uuid,
  department_name text,
  region_code text,
  matched integer not null,
  matched_fen bigint not null,
  discrepancies integer not null
);
create index payment_recon_total_run_idx on payment_recon_total (run_id);

-- A difference found by reconciliation: a task for the finance role until resolved.
create table payment_discrepancy (
  id uuid primary key,
  run_id uuid not null references payment_recon_run (id),
  channel text not null,
  day date not null,
  kind text not null check (kind in ('missing_ours', 'missing_channel', 'amount_mismatch')),
  txn_kind text not null,
  channel_txn_id text not null,
  payment_code text,
  our_fen bigint,
  channel_fen bigint,
  notice_id uuid,
  department_id uuid,
  department_name text,
  region_code text not null,
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text,
  resolution_note text,
  resolved_by uuid,
  resolved_at timestamptz,
  created_at timestamptz not null default now()
);
create index payment_discrepancy_status_idx on payment_discrepancy (status, region_code text_pattern_ops);
create index payment_discrepancy_run_idx on payment_discrepancy (run_id);

-- The built-in channel simulator's own state: a stand-in for the gateways' systems.
create table paysim_order (
  id uuid primary key,
  channel text not null,
  merchant_order_no text not null,
  payment_code text not null,
  amount_fen bigint not null,
  subject text not null,
  notify_url text not null,
  return_url text,
  status text not null default 'created' check (status in ('created', 'paid', 'closed')),
  channel_txn_id text,
  paid_fen bigint,
  paid_at timestamptz,
  -- test behaviour of this order: duplicate / reorder / timeout / fail
  scenario jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  constraint paysim_order_merchant_key unique (channel, merchant_order_no)
);
create index paysim_order_paid_idx on paysim_order (channel, paid_at);

create table paysim_refund (
  id uuid primary key,
  channel text not null,
  channel_txn_id text not null,
  merchant_refund_no text not null,
  payment_code text not null,
  amount_fen bigint not null,
  status text not null check (status in ('processing', 'succeeded', 'failed')),
  notify_url text not null,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  constraint paysim_refund_merchant_key unique (channel, merchant_refund_no)
);
create index paysim_refund_finished_idx on paysim_refund (channel, finished_at);

create table paysim_notification (
  id uuid primary key,
  channel text not null,
  notify_url text not null,
  body text not null,
  attempts integer not null default 0,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'gave_up')),
  last_status integer,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
