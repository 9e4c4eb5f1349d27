-- OpenID Provider state (oidc-provider models: Session, Interaction, AuthorizationCode,
-- AccessToken, RefreshToken, ClientCredentials, Grant …) shared by every instance.
create table oidc_payload (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (model, id)
);
create index oidc_payload_grant_idx on oidc_payload (grant_id) where grant_id is not null;
create index oidc_payload_uid_idx on oidc_payload (uid) where uid is not null;
create index oidc_payload_user_code_idx on oidc_payload (user_code) where user_code is not null;
create index oidc_payload_expiry_idx on oidc_payload (expires_at);

-- Relying parties: department systems and YiWang's own web areas.
create table oidc_client (
  client_id text primary key,
  name text not null,
  -- client metadata (redirect_uris, grant_types, scope …) without the secret
  metadata jsonb not null,
  -- SM4-encrypted secret: oidc-provider compares it in constant time, so it must be recoverable
  secret_enc text,
  min_assurance_level smallint not null default 1 check (min_assurance_level between 1 and 3),
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Signing keys (JWKS). The newest active key signs; retired keys stay published until the
-- tokens they signed have expired, so rotation never breaks a relying party.
create table oidc_key (
  kid text primary key,
  private_jwk_enc text not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
