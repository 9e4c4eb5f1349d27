-- YiWang's own web areas are a first-party relying party: no consent screen for them.
alter table oidc_client add column first_party boolean not null default false;
-- The ID token of the sign-in, kept to end the provider session on logout (id_token_hint).
alter table session add column id_token text;
