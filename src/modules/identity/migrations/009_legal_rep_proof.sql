-- 法人库 stand-in: the data module will own the legal-entity base library and serve it through
-- identity's LegalEntityRegistry interface (legal-entities.ts); until then identity keeps the
-- records it checks legal representatives against. Like population_record: the legal
-- representative's ID number only as the keyed blind index, the name in clear.
create table legal_entity_record (
  uscc char(18) primary key,
  name text not null,
  legal_rep_name text not null,
  legal_rep_id_number_index char(64) not null,
  -- 存续 / 吊销 / 注销
  status text not null default 'active' check (status in ('active', 'revoked', 'cancelled')),
  region_code text
);

-- How an enterprise's legal representative was proven: a match in the legal-entity registry
-- or documents checked in person at a window (by which clerk, at which window, with a note).
-- No proof: the representation is pending and nobody acts for the enterprise.
alter table enterprise add column legal_rep_proof text check (legal_rep_proof in ('registry', 'window'));
alter table enterprise add column legal_rep_proven_at timestamptz;
alter table enterprise add column legal_rep_proven_by uuid;
alter table enterprise add column legal_rep_proof_window_id uuid;
alter table enterprise add column legal_rep_proof_note text;
alter table enterprise add constraint enterprise_legal_rep_proof_complete check (
  (legal_rep_proof is null) = (legal_rep_proven_at is null)
  and (legal_rep_proof is distinct from 'window' or legal_rep_proven_by is not null)
);
-- Existing enterprises were registered with no proof at all (any checksum-valid code was
-- accepted): they stay pending, which the new columns' null already says. The registry stand-in
-- starts empty; as records reach it (addLegalEntityRecords), a pending representation that the
-- registry confirms is proven there and then, and a clerk can verify any other at a window.
