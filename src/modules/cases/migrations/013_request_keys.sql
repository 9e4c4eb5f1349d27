-- Idempotency keys with the request they stand for. A key an owner sent once (draft, submit,
-- window application, bundle draft or submit) is kept with the SM3 of the canonical request, so
-- that the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED) instead of
-- silently answering with the first request's result. Keys are per owner across all these
-- operations, like the unique (owner_person_id, idempotency_key) of case_record and case_bundle.
-- Keys used before this table existed have no row: a repeat of one still answers as before.
create table case_request_key (
  owner_person_id uuid not null,
  key text not null,
  operation text not null,
  request_sm3 text not null,
  created_at timestamptz not null default clock_now(),
  primary key (owner_person_id, key)
);
