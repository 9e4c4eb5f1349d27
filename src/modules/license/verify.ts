import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, notFound, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { publicKeyList, verifySeal } from '../seal/index.ts';
import { STATUS_NAMES, verdictForStatus, type Verdict } from './codes.ts';
import { parseLicenceId } from './identifier.ts';
import { buildVerificationPackage } from './verification-package.ts';
import { tellLedger } from './library.ts';
import type { Verification } from './schemas.ts';
import {
  documentCodec,
  fetchByIdentifier,
  fetchLicence,
  fieldLabels,
  isHolder,
  today,
  type LicenceDocument,
  type LicenceRow,
} from './store.ts';
import * as clock from '../../kernel/clock.ts';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const HOLDER_FIELDS = ['holderName', 'holderCode'] as const;

export interface PresentationInput {
  fields: string[];
  ttlSeconds?: number;
  once?: boolean;
}

/**
 * A holder shows a licence: a random token (only its hash is stored) that reveals the named
 * fields until it expires, once by default. The QR carries only the URL with this token.
 */
export async function createPresentation(ctx: AppContext, actor: Actor, licenceId: string, input: PresentationInput) {
  const l = await fetchLicence(ctx.db, licenceId);
  if (!l || !isHolder(actor, l)) throw notFound('licence', licenceId);
  const doc = JSON.parse(documentCodec(ctx).open(l)) as LicenceDocument;
  const allowed = new Set<string>([...HOLDER_FIELDS, ...Object.keys(doc.fields)]);
  for (const [i, f] of input.fields.entries())
    if (!allowed.has(f)) throw validationFailed(`fields.${i}`, 'not a field of this licence');
  return insertPresentation(ctx.db, licenceId, {
    fields: [...new Set(input.fields)],
    ttlSeconds: input.ttlSeconds ?? 300,
    once: input.once ?? true,
  });
}

/** Store a presentation; the caller has checked who may present which fields. */
export async function insertPresentation(
  q: Queryable,
  licenceId: string,
  p: { fields: string[]; ttlSeconds: number; once: boolean },
) {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(clock.nowMs() + p.ttlSeconds * 1000);
  await q.query(
    'insert into licence_presentation (token_hash, licence_id, fields, once, expires_at) values ($1, $2, $3, $4, $5)',
    [hashToken(token), licenceId, p.fields, p.once, expiresAt],
  );
  return { token, expiresAt: expiresAt.toISOString(), fields: p.fields, once: p.once };
}

const presentationError = (code: string, status: number) => new AppError(code, status);

/** Signature, key ownership and status of one stored licence. */
async function check(ctx: AppContext, l: LicenceRow): Promise<{ verdict: Verdict; genuine: boolean; doc?: LicenceDocument }> {
  let canonical: string;
  try {
    canonical = documentCodec(ctx).open(l);
  } catch {
    return { verdict: 'tampered', genuine: false };
  }
  const sig = await verifySeal(ctx, { keyId: l.keyId, bytes: canonical, signature: l.signature });
  if (sig.reason === 'UNKNOWN_KEY') return { verdict: 'wrong_key', genuine: false };
  if (!sig.valid) return { verdict: 'tampered', genuine: false };
  if (sig.departmentId !== l.issuerDepartmentId) return { verdict: 'wrong_key', genuine: false };
  const doc = JSON.parse(canonical) as LicenceDocument;
  // The signed record must be this licence: same identifier and the dates it is checked against.
  if (doc.identifier !== l.identifier || doc.validTo !== l.validTo || doc.validFrom !== l.validFrom) {
    return { verdict: 'tampered', genuine: false };
  }
  return { verdict: verdictForStatus(l.status, l.validTo, today()), genuine: true, doc };
}

function publicPart(l: LicenceRow, doc: LicenceDocument): Omit<Verification, 'verdict' | 'genuine'> {
  return {
    identifier: l.identifier,
    status: l.status,
    statusName: STATUS_NAMES[l.status],
    typeCode: doc.type.code,
    typeName: doc.type.name,
    issuerName: doc.issuer.name,
    issuerUscc: doc.issuer.uscc,
    issuedAt: doc.issuedAt,
    validFrom: doc.validFrom,
    validTo: doc.validTo,
    relatedIdentifier: doc.relatedIdentifier,
    sealId: l.sealId,
    keyId: l.keyId,
  };
}

/** Status check by identifier: genuine or not, current status, issuer; no holder data. */
export async function verifyByIdentifier(ctx: AppContext, identifier: string): Promise<Verification> {
  const parsed = parseLicenceId(identifier);
  if (!parsed.ok) throw new AppError('LICENCE_ID_INVALID', 400, { problem: parsed.problem }, { problem: parsed.problem });
  const normalised = identifier.trim().toUpperCase();
  const l = await fetchByIdentifier(ctx.db, normalised);
  if (!l) return { verdict: 'not_found', genuine: false, identifier: normalised };
  const result = await check(ctx, l);
  return {
    verdict: result.verdict,
    genuine: result.genuine,
    ...(result.doc ? publicPart(l, result.doc) : { identifier: l.identifier }),
  };
}

/** What a verifier's link needs to name the platform's published keys. */
export interface VerifyOptions {
  /** The public base URL (`…/api/seals/public-keys` is appended in the package's README). */
  baseUrl: string;
}

/**
 * Claim a presentation token: one statement, so two scanners racing for a one-time token cannot
 * both win. Unknown → 404 PRESENTATION_INVALID, expired → 410 PRESENTATION_EXPIRED, a one-time
 * token already shown → 410 PRESENTATION_USED.
 */
async function claimPresentation(ctx: AppContext, token: string) {
  if (!TOKEN.test(token)) throw presentationError('PRESENTATION_INVALID', 400);
  const claimed = await ctx.db.one<{ licence_id: string; fields: string[]; expires_at: Date | string; once: boolean }>(
    `update licence_presentation set used_at = coalesce(used_at, clock_now())
      where token_hash = $1 and expires_at > clock_now() and (not once or used_at is null)
      returning licence_id, fields, expires_at, once`,
    [hashToken(token)],
  );
  if (!claimed) {
    const known = await ctx.db.one<{ expired: boolean }>(
      'select expires_at <= clock_now() as expired from licence_presentation where token_hash = $1',
      [hashToken(token)],
    );
    if (!known) throw presentationError('PRESENTATION_INVALID', 404);
    throw presentationError(known.expired ? 'PRESENTATION_EXPIRED' : 'PRESENTATION_USED', 410);
  }
  const licence = (await fetchLicence(ctx.db, claimed.licence_id))!;
  const expiresAt =
    claimed.expires_at instanceof Date ? claimed.expires_at.toISOString() : new Date(claimed.expires_at).toISOString();
  return { licence, fields: claimed.fields, expiresAt };
}

/**
 * The signed document carries every field, so handing it over discloses all of them: only a
 * presentation in which the holder chose to show everything may come with it.
 */
export function presentsWholeDocument(fields: readonly string[], doc: LicenceDocument): boolean {
  return [...HOLDER_FIELDS, ...Object.keys(doc.fields)].every((f) => fields.includes(f));
}

/** The 核验包 of a checked licence: its signed bytes, signature and the seal key's public key. */
async function packageOf(ctx: AppContext, l: LicenceRow, doc: LicenceDocument, options: VerifyOptions) {
  const [key] = await publicKeyList(ctx, { keyId: l.keyId });
  // check() found the key, so it is listed; a missing one is a broken store, not bad input.
  if (!key) throw new Error(`seal key ${l.keyId} of licence ${l.identifier} is not published`);
  return buildVerificationPackage({
    licence: l,
    canonical: documentCodec(ctx).open(l),
    doc,
    key,
    publicKeysUrl: `${options.baseUrl}/api/seals/public-keys`,
  });
}

/**
 * Verification of a presentation token: as above, plus the fields the holder chose to show, and
 * the verification package when the holder showed the whole document of a licence in force.
 */
export async function verifyPresentation(ctx: AppContext, actor: Actor, token: string, options: VerifyOptions): Promise<Verification> {
  const { licence: l, fields, expiresAt } = await claimPresentation(ctx, token);
  const result = await check(ctx, l);
  if (!result.doc) return { verdict: result.verdict, genuine: false, identifier: l.identifier };
  const labels = (await fieldLabels(ctx.db, [l.typeId])).get(l.typeId) ?? {};
  const shown = fields.map((f) => (f === 'holderName' ? '持证人名称' : f === 'holderCode' ? '持证主体代码' : (labels[f] ?? f)));
  await recordUse(ctx.db, actor, l, { kind: 'presentation', purpose: '', fields: shown });
  const disclosed: NonNullable<Verification['disclosed']> = { fields: {}, fieldLabels: {} };
  if (fields.includes('holderName')) disclosed.holderName = result.doc.holder.name;
  if (fields.includes('holderCode')) disclosed.holderCode = result.doc.holder.code;
  for (const f of fields) {
    if (!(f in result.doc.fields)) continue;
    disclosed.fields[f] = result.doc.fields[f]!;
    disclosed.fieldLabels[f] = labels[f] ?? f;
  }
  const wholeDocument = presentsWholeDocument(fields, result.doc);
  const pkg = wholeDocument && result.verdict === 'valid' ? await packageOf(ctx, l, result.doc, options) : null;
  return {
    verdict: result.verdict,
    genuine: true,
    ...publicPart(l, result.doc),
    disclosed,
    presentation: { expiresAt, fields, wholeDocument },
    ...(pkg ? { verificationPackage: { fileName: pkg.fileName, contentBase64: pkg.zip.toString('base64') } } : {}),
  };
}

/**
 * The verification package for a command-line verifier holding a presentation token: the token
 * is claimed as for the verification page (a one-time token is then spent). Refused with a code
 * when the holder showed only some fields or the licence is not in force.
 */
export async function presentationPackage(
  ctx: AppContext,
  actor: Actor,
  token: string,
  options: VerifyOptions,
): Promise<{ fileName: string; zip: Buffer }> {
  const { licence: l, fields } = await claimPresentation(ctx, token);
  const result = await check(ctx, l);
  if (!result.doc || result.verdict !== 'valid') {
    throw new AppError('LICENCE_NOT_VALID', 409, { verdict: result.verdict }, { verdict: result.verdict });
  }
  if (!presentsWholeDocument(fields, result.doc)) throw new AppError('PRESENTATION_PARTIAL', 403, {}, { fields });
  await recordUse(ctx.db, actor, l, { kind: 'presentation', purpose: 'verification package' });
  return packageOf(ctx, l, result.doc, options);
}

/**
 * What a QR code or a pasted text carries: a verification URL with `t=` (token) or `id=`
 * (identifier), a bare identifier or a bare token. Anything else is refused as such.
 */
export function parseQrPayload(text: string): { token: string } | { identifier: string } {
  const s = text.trim();
  if (s.length > 0 && s.length <= 2048) {
    if (/^https?:\/\//i.test(s)) {
      try {
        const url = new URL(s);
        const t = url.searchParams.get('t');
        const id = url.searchParams.get('id');
        if (t && TOKEN.test(t)) return { token: t };
        if (id) return { identifier: id };
      } catch {
        // fall through to the error below
      }
    } else if (s.startsWith('1.2.156.3005.2.')) {
      return { identifier: s };
    } else if (TOKEN.test(s)) {
      return { token: s };
    }
  }
  throw new AppError('QR_PAYLOAD_INVALID', 400);
}

/** The public check: by a licence's identifier or by a presentation's token, exactly one of them. */
export function verifyLicence(
  ctx: AppContext,
  actor: Actor,
  query: { id?: string; t?: string },
  options: VerifyOptions,
): Promise<Verification> {
  const { id, t } = query;
  if ((id === undefined) === (t === undefined)) throw validationFailed('id', 'give exactly one of id or t');
  return t !== undefined ? verifyPresentation(ctx, actor, t, options) : verifyByIdentifier(ctx, id!);
}

/** The same check from what a scanned QR code or a pasted text carries. */
export function verifyQrPayload(ctx: AppContext, actor: Actor, payload: string, options: VerifyOptions): Promise<Verification> {
  const parsed = parseQrPayload(payload);
  return 'token' in parsed ? verifyPresentation(ctx, actor, parsed.token, options) : verifyByIdentifier(ctx, parsed.identifier);
}

export async function recordUse(
  q: Queryable,
  actor: Actor,
  l: Pick<LicenceRow, 'id' | 'issuerDepartmentId'>,
  use: {
    kind: 'presentation' | 'case' | 'exchange';
    purpose: string;
    userDepartmentId?: string | null;
    userName?: string;
    caseId?: string;
    itemCode?: string;
    /** what was shown or taken, in words, for the holder's ledger (the whole licence when absent) */
    fields?: string[];
  },
) {
  await q.query(
    `insert into licence_use (id, licence_id, issuer_department_id, kind, purpose, user_department_id, user_name, actor_kind, actor_id,
                              case_id, item_code)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      uuidv7(),
      l.id,
      l.issuerDepartmentId,
      use.kind,
      use.purpose,
      use.userDepartmentId ?? null,
      use.userName ?? '',
      actor.kind,
      'id' in actor ? actor.id : null,
      use.caseId ?? null,
      use.itemCode ?? null,
    ],
  );
  await tellLedger(q, l, use);
}

/**
 * 用证: the cases module (material filled from the wallet) or a data exchange records that it
 * relied on a licence, so the holder sees it and the indicators count it.
 */
export async function recordLicenceUse(
  ctx: AppContext,
  actor: Actor,
  input: {
    identifier: string;
    kind: 'case' | 'exchange';
    purpose: string;
    userDepartmentId?: string;
    userName?: string;
    caseId?: string;
    itemCode?: string;
  },
  options: { tx?: Queryable } = {},
): Promise<void> {
  const q = options.tx ?? ctx.db;
  const l = await fetchByIdentifier(q, input.identifier.trim().toUpperCase());
  if (!l) throw notFound('licence', input.identifier);
  await recordUse(q, actor, l, input);
}
