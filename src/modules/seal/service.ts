import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireRole, requireScope, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import { verify as sm2Verify } from '../../kernel/crypto/sm2.ts';
import { publicKeyToPem } from '../../kernel/crypto/sm2-pem.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { svgToPng } from '../../kernel/pdf/index.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { departments } from '../org/index.ts';
import { sealSvg } from './image.ts';
import type { PublishedKey, Seal, SealCoverage, SealCreate, SealVerification } from './schemas.ts';
import { keyIdOf, signers, type StoredKey } from './signer.ts';
import * as clock from '../../kernel/clock.ts';

export const SEAL_KINDS = ['official', 'approval', 'licence', 'business'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];
export const SEAL_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];

/** Text under the star; the official seal (公章) carries none. */
const SUBTITLE: Record<SealKind, string> = {
  official: '',
  approval: '行政审批专用章',
  licence: '电子证照专用章',
  business: '业务专用章',
};
const KIND_DIGITS: Record<SealKind, string> = { official: '01', approval: '02', licence: '03', business: '04' };
/** When a caller names only a department, the seal made for the job signs first. */
const SIGNING_PREFERENCE: SealKind[] = ['licence', 'approval', 'official', 'business'];

const READ_ROLES = ['administrator', 'department_admin', 'leader'] as const;
const MANAGE_ROLES = ['administrator'] as const;
/** Staff who may apply their department's seal (a system actor, e.g. case completion, may too). */
const SIGN_ROLES = ['administrator', 'department_admin', 'approver'] as const;
const DEFAULT_VALIDITY_YEARS = 5;

const SELECT = `s.id, s.department_id, s.name as department_name, s.region_code, s.kind, s.code, s.name, s.subtitle,
  s.status, s.valid_from, s.valid_to, s.version, s.created_at, s.updated_at,
  (select k.id from seal_key k where k.seal_id = s.id and k.retired_at is null) as current_key_id,
  (select count(*) from seal_key k where k.seal_id = s.id) as key_count`;

const present = (row: Record<string, unknown>): Seal => {
  const s = camelRow<Seal>(row);
  return { ...s, keyCount: Number(s.keyCount) };
};

async function fetchSeal(q: Queryable, id: string): Promise<Seal | undefined> {
  const row = await q.one(`select ${SELECT} from seal s where s.id = $1`, [id]);
  return row ? present(row) : undefined;
}

const scopeOf = (s: { regionCode: string; departmentId: string }) => ({ regionCode: s.regionCode, departmentId: s.departmentId });

async function fetchVisible(q: Queryable, actor: Actor, id: string): Promise<Seal> {
  const seal = await fetchSeal(q, id);
  if (!seal || !canAct(actor, READ_ROLES, scopeOf(seal))) throw notFound('seal', id);
  return seal;
}

export async function listSeals(
  ctx: AppContext,
  actor: Actor,
  query: { page: number; pageSize: number; departmentId?: string; status?: string; kind?: string; q?: string },
): Promise<PageResult<Seal>> {
  requireRole(actor, READ_ROLES);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, READ_ROLES, { region: 's.region_code', department: 's.department_id' }, params)];
  for (const [value, column] of [
    [query.departmentId, 's.department_id'],
    [query.status, 's.status'],
    [query.kind, 's.kind'],
  ] as const) {
    if (!value) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  if (query.q) {
    params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(s.name ilike $${params.length} or s.code ilike $${params.length})`);
  }
  const rows = await ctx.db.query<{ total_count: number }>(
    `select ${SELECT}, count(*) over () as total_count from seal s where ${where.join(' and ')}
      order by s.region_code, s.name, s.kind limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return {
    items: rows.map(({ total_count: _t, ...r }) => present(r)),
    total: rows.length ? Number(rows[0]!.total_count) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function getSeal(ctx: AppContext, actor: Actor, id: string): Promise<Seal> {
  requireRole(actor, READ_ROLES);
  return fetchVisible(ctx.db, actor, id);
}

async function insertKey(tx: Tx, ctx: AppContext, sealId: string): Promise<string> {
  const signer = signers(ctx.config.masterKey).forNewKeys();
  const key = await signer.generate();
  const id = keyIdOf(key.publicKey);
  await tx.query(
    `insert into seal_key (id, seal_id, provider, public_key, private_key_enc, handle) values ($1, $2, $3, $4, $5, $6)`,
    [id, sealId, signer.provider, key.publicKey, key.privateKeyEnc, key.handle],
  );
  return id;
}

/** Make a seal for a department: key pair, picture (SVG and PNG), validity; audited. */
export async function createSeal(ctx: AppContext, actor: Actor, input: SealCreate): Promise<Seal> {
  requireRole(actor, MANAGE_ROLES);
  const dept = await departments.fetch(ctx.db, input.departmentId);
  if (!dept) throw unprocessable('SEAL_DEPARTMENT_NOT_FOUND', {}, { field: 'departmentId' });
  requireScope(actor, MANAGE_ROLES, { regionCode: dept.regionCode, departmentId: dept.id });
  const validFrom = input.validFrom ? new Date(input.validFrom) : clock.now();
  const validTo = input.validTo
    ? new Date(input.validTo)
    : new Date(validFrom.getTime() + DEFAULT_VALIDITY_YEARS * 365.25 * 86400_000);
  if (Number.isNaN(validFrom.getTime())) throw validationFailed('validFrom', 'not a date');
  if (Number.isNaN(validTo.getTime())) throw validationFailed('validTo', 'not a date');
  if (validTo <= validFrom) throw validationFailed('validTo', 'must be after validFrom');

  const code = `${dept.uscc}${KIND_DIGITS[input.kind]}${clock.nowMs().toString(36).toUpperCase()}`;
  const svg = sealSvg({ name: dept.name, subtitle: SUBTITLE[input.kind], code });
  // The PNG is made once here: documents stamp it without loading the 10 MB font again.
  const png = await ctx.files.put(svgToPng(svg, 400), { prefix: 'seal' });
  const id = uuidv7();
  return ctx.db
    .transaction(async (tx) => {
      try {
        await tx.query(
          `insert into seal (id, department_id, region_code, kind, code, name, subtitle, valid_from, valid_to, image_svg, image_png_key)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [id, dept.id, dept.regionCode, input.kind, code, dept.name, SUBTITLE[input.kind], validFrom, validTo, svg, png.key],
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('SEAL_EXISTS', { kind: input.kind });
        throw err;
      }
      const keyId = await insertKey(tx, ctx, id);
      await appendAudit(tx, actor, {
        action: 'seal.create',
        objectType: 'seal',
        objectId: id,
        regionCode: dept.regionCode,
        details: {
          departmentId: dept.id,
          kind: input.kind,
          code,
          keyId,
          validFrom: validFrom.toISOString(),
          validTo: validTo.toISOString(),
        },
      });
      return (await fetchSeal(tx, id))!;
    })
    .catch(async (err: unknown) => {
      // No row references the picture: do not leave it behind.
      await ctx.files.delete(png.key).catch(() => undefined);
      throw err;
    });
}

/** New key pair for new signatures; the old public key stays published for old ones. */
export async function rotateSealKey(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Seal> {
  return ctx.db.transaction(async (tx) => {
    const seal = await fetchVisible(tx, actor, id);
    requireScope(actor, MANAGE_ROLES, scopeOf(seal));
    if (seal.status === 'revoked') throw conflict('SEAL_REVOKED');
    await bumpVersion(tx, seal, version);
    const retired = seal.currentKeyId;
    await tx.query('update seal_key set retired_at = clock_now() where seal_id = $1 and retired_at is null', [id]);
    const keyId = await insertKey(tx, ctx, id);
    await appendAudit(tx, actor, {
      action: 'seal.rotate',
      objectType: 'seal',
      objectId: id,
      regionCode: seal.regionCode,
      details: { retiredKeyId: retired, keyId },
    });
    return (await fetchSeal(tx, id))!;
  });
}

async function bumpVersion(tx: Tx, seal: Seal, version: number, extra = '', params: unknown[] = []): Promise<void> {
  const updated = await tx.one(
    `update seal set version = version + 1, updated_at = clock_now()${extra} where id = $1 and version = $2 returning id`,
    [seal.id, version, ...params],
  );
  if (!updated) throw conflict('VERSION_CONFLICT', { current: seal.version }, { current: seal.version });
}

/** Suspend, resume or revoke (final). */
export async function setSealStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: SealStatus,
  version: number,
  reason = '',
): Promise<Seal> {
  return ctx.db.transaction(async (tx) => {
    const seal = await fetchVisible(tx, actor, id);
    requireScope(actor, MANAGE_ROLES, scopeOf(seal));
    if (seal.status === 'revoked') throw conflict('SEAL_REVOKED');
    await bumpVersion(tx, seal, version, ', status = $3', [status]);
    await appendAudit(tx, actor, {
      action: 'seal.status',
      objectType: 'seal',
      objectId: id,
      regionCode: seal.regionCode,
      details: { from: seal.status, to: status, reason },
    });
    return (await fetchSeal(tx, id))!;
  });
}

export type SealRef = { sealId: string } | { departmentId: string; kind?: SealKind };

export interface SealSignature {
  signature: string;
  keyId: string;
  sealId: string;
  algorithm: 'SM2-SM3';
}

async function resolveSeal(q: Queryable, ref: SealRef): Promise<Seal> {
  if ('sealId' in ref) {
    const seal = await fetchSeal(q, ref.sealId);
    if (!seal) throw notFound('seal', ref.sealId);
    return seal;
  }
  const kinds = ref.kind ? [ref.kind] : SIGNING_PREFERENCE;
  const row = await q.one(
    `select ${SELECT} from seal s where s.department_id = $1 and s.kind = any($2) and s.status = 'active'
      order by array_position($2::text[], s.kind) limit 1`,
    [ref.departmentId, kinds],
  );
  if (!row) throw conflict('SEAL_MISSING', {}, { departmentId: ref.departmentId, kinds });
  return present(row);
}

const keyColumns = 'id, provider, public_key, private_key_enc, handle';

/**
 * Sign bytes with a department's seal. The caller's transaction (if given) also carries the
 * audit entry, so a signature is recorded exactly when the document it signs is stored.
 * Staff need a signing role covering the seal's department; system actors (a completed case)
 * may sign for any department.
 */
export async function signWithSeal(
  ctx: AppContext,
  actor: Actor,
  ref: SealRef,
  bytes: Uint8Array | string,
  options: { tx?: Tx; purpose?: string; objectType?: string; objectId?: string } = {},
): Promise<SealSignature> {
  const run = async (tx: Tx): Promise<SealSignature> => {
    const seal = await resolveSeal(tx, ref);
    if (actor.kind !== 'system') requireScope(actor, SIGN_ROLES, scopeOf(seal));
    const now = clock.nowMs();
    if (seal.status !== 'active' || now < Date.parse(seal.validFrom) || now > Date.parse(seal.validTo)) {
      throw conflict('SEAL_NOT_USABLE', { status: seal.status }, { sealId: seal.id, status: seal.status, validTo: seal.validTo });
    }
    const keyRow = await tx.one(`select ${keyColumns} from seal_key where seal_id = $1 and retired_at is null`, [seal.id]);
    if (!keyRow) throw conflict('SEAL_NOT_USABLE', { status: 'no key' });
    const key = camelRow<StoredKey>(keyRow);
    const message = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    const signature = await signers(ctx.config.masterKey).forKey(key).sign(key, message);
    await appendAudit(tx, actor, {
      action: 'seal.sign',
      objectType: 'seal',
      objectId: seal.id,
      regionCode: seal.regionCode,
      details: {
        keyId: key.id,
        sm3: sm3Hex(message),
        purpose: options.purpose ?? '',
        ...(options.objectType ? { signedObjectType: options.objectType, signedObjectId: options.objectId ?? null } : {}),
      },
    });
    return { signature, keyId: key.id, sealId: seal.id, algorithm: 'SM2-SM3' };
  };
  return options.tx ? run(options.tx) : ctx.db.transaction(run);
}

/** The key new signatures of a seal are made with (for documents that must name it first). */
export async function currentSealKeyId(ctx: AppContext, sealId: string): Promise<string> {
  const row = await ctx.db.one<{ id: string }>('select id from seal_key where seal_id = $1 and retired_at is null', [sealId]);
  if (!row) throw notFound('seal', sealId);
  return row.id;
}

/** Check a signature made by any key a seal ever had (public: no actor needed). */
export async function verifySeal(
  ctx: AppContext,
  input: { keyId: string; bytes: Uint8Array | string; signature: string },
): Promise<SealVerification> {
  const row = await ctx.db.one<{
    public_key: string;
    seal_id: string;
    department_id: string;
    status: SealStatus;
    retired_at: unknown;
  }>(
    `select k.public_key, k.seal_id, s.department_id, s.status, k.retired_at
       from seal_key k join seal s on s.id = k.seal_id where k.id = $1`,
    [input.keyId],
  );
  if (!row) return { valid: false, reason: 'UNKNOWN_KEY', keyId: input.keyId };
  const valid = sm2Verify(input.bytes, input.signature, row.public_key);
  return {
    valid,
    ...(valid ? {} : { reason: 'BAD_SIGNATURE' as const }),
    keyId: input.keyId,
    sealId: row.seal_id,
    departmentId: row.department_id,
    sealStatus: row.status,
    keyRetired: row.retired_at !== null,
  };
}

/** Every seal public key ever used, for offline verification (published without sign-in). */
export async function publicKeyList(
  ctx: AppContext,
  filter: { departmentId?: string; keyId?: string } = {},
): Promise<PublishedKey[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.departmentId) {
    params.push(filter.departmentId);
    where.push(`s.department_id = $${params.length}`);
  }
  if (filter.keyId) {
    params.push(filter.keyId);
    where.push(`k.id = $${params.length}`);
  }
  const rows = await ctx.db.query(
    `select k.id as key_id, s.id as seal_id, s.code as seal_code, s.kind as seal_kind, s.department_id,
            s.name as department_name, s.region_code, s.status as seal_status, k.public_key, k.created_at, k.retired_at,
            s.valid_from, s.valid_to
       from seal_key k join seal s on s.id = k.seal_id ${where.length ? `where ${where.join(' and ')}` : ''}
      order by s.region_code, s.code, k.created_at`,
    params,
  );
  return rows.map((r) => {
    const k = camelRow<Omit<PublishedKey, 'algorithm' | 'userId' | 'publicKeyPem'>>(r);
    return { ...k, algorithm: 'SM2-SM3', userId: '1234567812345678', publicKeyPem: publicKeyToPem(k.publicKey) };
  });
}

export async function sealImage(ctx: AppContext, id: string, format: 'svg' | 'png'): Promise<Buffer> {
  const row = await ctx.db.one<{ image_svg: string; image_png_key: string }>(
    'select image_svg, image_png_key from seal where id = $1',
    [id],
  );
  if (!row) throw notFound('seal', id);
  return format === 'svg' ? Buffer.from(row.image_svg, 'utf8') : ctx.files.get(row.image_png_key);
}

/**
 * seal_coverage per department within the actor's scope: a department counts as covered when
 * it holds at least one active seal inside its validity period.
 */
export async function sealCoverage(ctx: AppContext, actor: Actor, filter: { regionCode?: string } = {}): Promise<SealCoverage> {
  requireRole(actor, ['administrator', 'leader']);
  const depts: { id: string; name: string; regionCode: string }[] = [];
  for (let page = 1; ; page++) {
    const batch = await departments.list(ctx.db, actor, {
      page,
      pageSize: 100,
      ...(filter.regionCode ? { regionCode: filter.regionCode } : {}),
    });
    depts.push(...batch.items.map((d) => ({ id: d.id, name: d.name, regionCode: d.regionCode })));
    if (batch.items.length < 100 || depts.length >= batch.total) break;
  }
  const counts = depts.length
    ? await ctx.db.query<{ department_id: string; n: number }>(
        `select department_id, count(*) as n from seal
          where department_id = any($1) and status = 'active' and clock_now() between valid_from and valid_to
          group by department_id`,
        [depts.map((d) => d.id)],
      )
    : [];
  const byDept = new Map(counts.map((c) => [c.department_id, Number(c.n)]));
  const items = depts.map((d) => {
    const activeSeals = byDept.get(d.id) ?? 0;
    return { departmentId: d.id, departmentName: d.name, regionCode: d.regionCode, activeSeals, covered: activeSeals > 0 };
  });
  const covered = items.filter((i) => i.covered).length;
  return { departments: depts.length, covered, rate: depts.length ? Math.round((covered / depts.length) * 1000) / 10 : 0, items };
}
