import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Queryable } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';

/**
 * Token signing keys. JOSE has no SM2 algorithm that relying parties understand, so tokens are
 * signed RS256 (what every OIDC library verifies); the private keys are SM4-encrypted at rest.
 */
export type PrivateJwk = Record<string, unknown> & { kid: string };

export async function createSigningKey(db: Queryable, secrets: PersonalData): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(12).toString('base64url');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  await db.query('insert into oidc_key (kid, private_jwk_enc) values ($1, $2)', [kid, secrets.encrypt(JSON.stringify(jwk))]);
  return kid;
}

/** Newest first: oidc-provider signs with the first key and publishes all of them. */
export async function loadSigningKeys(db: Queryable, secrets: PersonalData, retainDays = 30): Promise<PrivateJwk[]> {
  const rows = await db.query<{ private_jwk_enc: string }>(
    `select private_jwk_enc from oidc_key
      where retired_at is null or retired_at > clock_now() - make_interval(days => $1)
      order by retired_at is null desc, created_at desc`,
    [retainDays],
  );
  return rows.map((r) => JSON.parse(secrets.decrypt(r.private_jwk_enc)) as PrivateJwk);
}

/** Start signing with a fresh key; the previous one stays published for verification. */
export async function replaceSigningKey(db: Queryable, secrets: PersonalData): Promise<string> {
  await db.query('update oidc_key set retired_at = clock_now() where retired_at is null');
  return createSigningKey(db, secrets);
}

/** Changes whenever a key is added or retired, so instances notice a rotation. */
export async function keyGeneration(db: Queryable): Promise<string> {
  const row = await db.one<{ g: string }>("select count(*) || '/' || coalesce(max(created_at)::text, '') || '/' || count(retired_at) as g from oidc_key");
  return row?.g ?? '';
}
