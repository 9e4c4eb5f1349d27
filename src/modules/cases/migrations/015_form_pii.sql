-- Personal values of application forms at rest (issue #13.6, personal-form.ts): per personal
-- field its kind, SM4 ciphertext and blind index. form_data keeps the other values and the
-- personal ones masked. Existing rows are sealed by the code step 016_seal_form_pii
-- (form-migration.ts), which needs the master key.
alter table case_record add column form_pii jsonb not null default '{}'::jsonb;
alter table case_bundle add column form_pii jsonb not null default '{}'::jsonb;
