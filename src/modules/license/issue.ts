import { randomBytes } from 'node:crypto';
import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireScope } from '../../kernel/auth.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { isCalendarDay } from '../../kernel/calendar/shanghai.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { personalData } from '../../kernel/pii.ts';
import { validateIdNumber, validatePassportNumber, validateUscc, type PersonCodeType } from '../../kernel/validate/index.ts';
import { personView } from '../identity/index.ts';
import { departments } from '../org/index.ts';
import { signWithSeal } from '../seal/index.ts';
import type { Operation } from './codes.ts';
import { checkFieldValues } from './fields.ts';
import { buildLicenceId, parseLicenceId } from './identifier.ts';
import {
  documentCodec,
  fetchLicence,
  fetchReadable,
  ISSUE_ROLES,
  scopeOf,
  today,
  view,
  type LicenceDocument,
  type LicenceRow,
  type LicenceView,
} from './store.ts';
import { fetchType, fetchTypeByCode } from './types.ts';
import * as clock from '../../kernel/clock.ts';
import type { LicenceType } from './schemas.ts';
import { feedLicenceLibrary } from './library.ts';

export interface HolderInput {
  kind: 'person' | 'enterprise';
  /** The holder's person id in the identity module: links the licence to that person's wallet. */
  personId?: string;
  name: string;
  /** 居民身份证号 for a person, 统一社会信用代码 for an enterprise; a passport number when `codeType` says so. */
  code: string;
  /**
   * 持证主体代码类型 of a person: 居民身份证 unless given; 'passport' for a foreign national
   * (外国人工作许可证), who has no 公民身份号码 and no account to link.
   */
  codeType?: PersonCodeType;
}

export interface IssueInput {
  typeId?: string;
  typeCode?: string;
  departmentId: string;
  holder: HolderInput;
  fields: Record<string, unknown>;
  validFrom?: string;
  /** null: long-term; absent: from the type's validity rule. */
  validTo?: string | null;
  caseId?: string;
  /** Import of a licence issued before (its identifier is kept). */
  identifier?: string;
  issuedAt?: string;
  source?: 'staff' | 'case' | 'import';
}

interface Lineage {
  operation: Operation;
  related: string | null;
  serial?: string;
  versionNo?: number;
}

const addPeriod = (day: string, v: LicenceType['validity']): string | null => {
  if (!v.years && !v.months) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // The last valid day is the day before the same date one period later (民法典 art. 203 style counting).
  const end = new Date(Date.UTC(y + (v.years ?? 0), m - 1 + (v.months ?? 0), d) - 86400_000);
  return end.toISOString().slice(0, 10);
};

const newSerial = () =>
  `${today().replace(/-/g, '')}${BigInt(`0x${randomBytes(6).toString('hex')}`)
    .toString(36)
    .toUpperCase()
    .padStart(10, '0')}`;

/**
 * The holder a licence of this type has for `code`: the type's kind, or for a type either may hold
 * (不动产权证书) an organisation when the code is a 统一社会信用代码 and a person otherwise.
 */
export function holderKindFor(type: Pick<LicenceType, 'holderKind'>, code: string): HolderInput['kind'] {
  if (type.holderKind !== 'any') return type.holderKind;
  return validateUscc(code.trim().toUpperCase()).ok ? 'enterprise' : 'person';
}

function checkHolder(type: LicenceType, holder: HolderInput): void {
  if (type.holderKind !== 'any' && holder.kind !== type.holderKind) throw validationFailed('holder.kind', `this licence type is held by a ${type.holderKind}`);
  if (!holder.name.trim()) throw validationFailed('holder.name', 'required');
  const passport = holder.codeType === 'passport';
  if (passport && holder.kind !== 'person') throw validationFailed('holder.codeType', 'a passport names a person');
  const code = holder.code.trim().toUpperCase();
  const check = holder.kind === 'enterprise' ? validateUscc(code) : passport ? validatePassportNumber(code) : validateIdNumber(code);
  if (!check.ok) throw validationFailed('holder.code', check.reason);
}

/**
 * A licence linked to a person's wallet must name that person: the account's ID number has to
 * be the holder's, or a typo would put someone's licence into a stranger's wallet.
 */
async function checkPersonLink(ctx: AppContext, tx: Tx, holder: HolderInput): Promise<void> {
  if (!holder.personId) return;
  if (holder.kind !== 'person') throw validationFailed('holder.personId', 'only for a person holder');
  // an account is known by its 公民身份号码, never by a passport
  if (holder.codeType === 'passport') throw validationFailed('holder.personId', 'only for a holder known by a 居民身份证');
  // Read inside the issuing transaction: embedded PGlite has one connection, so a read on
  // ctx.db here would wait for this very transaction.
  const person = await personView(tx, personalData(ctx.config.masterKey), holder.personId, true);
  if (!person) throw unprocessable('LICENCE_HOLDER_NOT_FOUND', {}, { field: 'holder.personId' });
  if (person.idNumber.toUpperCase() !== holder.code.trim().toUpperCase()) {
    throw unprocessable('LICENCE_HOLDER_MISMATCH', {}, { field: 'holder.code' });
  }
}

async function resolveType(tx: Tx, input: Pick<IssueInput, 'typeId' | 'typeCode'>): Promise<LicenceType> {
  const type = input.typeId
    ? await fetchType(tx, input.typeId)
    : input.typeCode
      ? await fetchTypeByCode(tx, input.typeCode)
      : undefined;
  if (!type) throw unprocessable('LICENCE_TYPE_NOT_FOUND', {}, { field: input.typeId ? 'typeId' : 'typeCode' });
  if (type.status !== 'active') throw unprocessable('LICENCE_TYPE_RETIRED', {}, { typeId: type.id });
  return type;
}

export async function issueInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  input: IssueInput,
  lineage: Lineage,
): Promise<LicenceView> {
  const type = await resolveType(tx, input);
  const dept = await departments.fetch(tx, input.departmentId);
  if (!dept) throw unprocessable('LICENCE_DEPARTMENT_NOT_FOUND', {}, { field: 'departmentId' });
  if (actor.kind !== 'system') requireScope(actor, ISSUE_ROLES, { regionCode: dept.regionCode, departmentId: dept.id });
  if (!type.issuingDepartmentIds.includes(dept.id))
    throw unprocessable('LICENCE_NOT_ISSUER', {}, { departmentId: dept.id, typeCode: type.code });
  checkHolder(type, input.holder);
  await checkPersonLink(ctx, tx, input.holder);
  const fields = checkFieldValues(type.fields, input.fields);

  const validFrom = input.validFrom ?? today();
  if (!isCalendarDay(validFrom)) throw validationFailed('validFrom', 'not a YYYY-MM-DD date');
  const validTo = input.validTo === undefined ? addPeriod(validFrom, type.validity) : input.validTo;
  if (validTo !== null && !isCalendarDay(validTo)) throw validationFailed('validTo', 'not a YYYY-MM-DD date');
  if (validTo !== null && validTo < validFrom) throw validationFailed('validTo', 'before validFrom');
  const issuedAt = input.issuedAt === undefined ? clock.now() : new Date(input.issuedAt);
  // Date() rolls 2024-02-30 over to March: the day part must itself be a real date.
  if (Number.isNaN(issuedAt.getTime()) || (input.issuedAt !== undefined && !isCalendarDay(input.issuedAt.slice(0, 10)))) {
    throw validationFailed('issuedAt', 'not a date');
  }

  let serial = lineage.serial ?? newSerial();
  let versionNo = lineage.versionNo ?? 1;
  let identifier: string;
  if (input.identifier) {
    const parsed = parseLicenceId(input.identifier);
    if (!parsed.ok)
      throw unprocessable('LICENCE_ID_INVALID', { problem: parsed.problem }, { field: 'identifier', problem: parsed.problem });
    if (parsed.typeCode !== type.code || parsed.issuerUscc !== dept.uscc) {
      throw unprocessable('LICENCE_ID_MISMATCH', {}, { field: 'identifier', typeCode: type.code, issuerUscc: dept.uscc });
    }
    ({ serial } = parsed);
    versionNo = parsed.version;
    identifier = buildLicenceId(parsed);
  } else {
    identifier = buildLicenceId({ typeCode: type.code, issuerUscc: dept.uscc, serial, version: versionNo });
  }

  const holderCode = input.holder.code.trim().toUpperCase();
  const doc: LicenceDocument = {
    format: 'yiwang.licence/1',
    identifier,
    type: { code: type.code, name: type.name },
    issuer: { name: dept.name, uscc: dept.uscc },
    // a 居民身份证 holder's document is as before the passport came; only a passport is named
    holder: { kind: input.holder.kind, name: input.holder.name.trim(), code: holderCode, ...(input.holder.codeType === 'passport' ? { codeType: 'passport' as const } : {}) },
    fields,
    issuedAt: issuedAt.toISOString(),
    validFrom,
    validTo,
    operation: lineage.operation,
    relatedIdentifier: lineage.related,
  };
  const canonical = canonicalJson(doc);
  const codec = documentCodec(ctx);
  const id = uuidv7();
  const signed = await signWithSeal(ctx, actor, { departmentId: dept.id }, canonical, {
    tx,
    purpose: 'licence',
    objectType: 'licence',
    objectId: id,
  });
  const holderRef =
    input.holder.kind === 'enterprise' ? holderCode : (input.holder.personId ?? `idx:${codec.holderIndex(holderCode)}`);
  try {
    await tx.query(
      `insert into licence (id, identifier, type_id, serial, version_no, issuer_department_id, region_code, holder_kind, holder_ref,
                            document_enc, document_sm3, signature, key_id, seal_id, operation, related_identifier, issued_at,
                            valid_from, valid_to, case_id, source, holder_code_index)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        id,
        identifier,
        type.id,
        serial,
        versionNo,
        dept.id,
        dept.regionCode,
        input.holder.kind,
        holderRef,
        codec.seal(canonical),
        sm3Hex(canonical),
        signed.signature,
        signed.keyId,
        signed.sealId,
        lineage.operation,
        lineage.related,
        doc.issuedAt,
        validFrom,
        validTo,
        input.caseId ?? null,
        input.source ?? (actor.kind === 'system' ? 'case' : 'staff'),
        codec.holderIndex(holderCode),
      ],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('LICENCE_ID_TAKEN', { identifier }, { identifier });
    throw err;
  }
  await feedLicenceLibrary(ctx, tx, [{ doc, status: '01' }]);
  await tx.query(
    `insert into licence_operation (id, licence_id, operation, status_from, status_to, actor_kind, actor_id) values ($1, $2, $3, null, '01', $4, $5)`,
    [uuidv7(), id, lineage.operation, actor.kind, 'id' in actor ? actor.id : null],
  );
  await appendAudit(tx, actor, {
    action: 'licence.issue',
    objectType: 'licence',
    objectId: id,
    regionCode: dept.regionCode,
    // No personal data in the audit log: the identifier and type say what was issued.
    details: {
      identifier,
      typeCode: type.code,
      operation: lineage.operation,
      related: lineage.related,
      keyId: signed.keyId,
      caseId: input.caseId ?? null,
    },
  });
  return view((await fetchLicence(tx, id))!, doc, Object.fromEntries(type.fields.map((f) => [f.key, f.label])));
}

/**
 * Issue a licence (新发) signed with the issuing department's seal. Called by staff actions, bulk
 * import and — with a system actor — by the cases module when a case completes with a licence
 * result. Pass `tx` to issue inside the caller's transaction.
 */
export async function issueLicence(
  ctx: AppContext,
  actor: Actor,
  input: IssueInput,
  options: { tx?: Tx } = {},
): Promise<LicenceView> {
  const run = (tx: Tx) => issueInTx(ctx, tx, actor, input, { operation: '01', related: null });
  return options.tx ? run(options.tx) : ctx.db.transaction(run);
}

export interface ReissueInput {
  operation: '02' | '09';
  fields?: Record<string, unknown>;
  holderName?: string;
  validFrom?: string;
  validTo?: string | null;
  version: number;
}

/** What a reissue records beyond the staff input: the case it comes from, if any. */
export interface ReissueOrigin {
  caseId?: string;
  source?: IssueInput['source'];
}

const REISSUE_REASONS: Record<ReissueInput['operation'], string> = { '02': '延续', '09': '变更' };

/**
 * 延续 (02) and 变更 (09) inside the caller's transaction, after the caller has checked who may
 * do it: a new version of the same licence (same serial, version + 1) that names the old
 * identifier as its related licence; the old one becomes 失效 (05). A renewal starts today with
 * the type's validity; a change keeps the old validity. Shared by staff and completed cases.
 */
export async function reissueInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  old: LicenceRow,
  input: ReissueInput,
  origin: ReissueOrigin = {},
): Promise<LicenceView> {
  if (old.status !== '01') throw conflict('LICENCE_STATUS_CONFLICT', { status: old.status }, { status: old.status });
  const newer = await tx.one<{ identifier: string }>('select identifier from licence where related_identifier = $1', [old.identifier]);
  if (newer) throw conflict('LICENCE_STATUS_CONFLICT', { status: old.status }, { supersededBy: newer.identifier });
  const oldDoc = JSON.parse(documentCodec(ctx).open(old)) as LicenceDocument;
  const updated = await tx.one(
    `update licence set status = '05', version = version + 1, updated_at = clock_now() where id = $1 and version = $2 returning id`,
    [old.id, input.version],
  );
  if (!updated) throw conflict('VERSION_CONFLICT', { current: old.version }, { current: old.version });
  await feedLicenceLibrary(ctx, tx, [{ doc: oldDoc, status: '05' }]);
  const reason = REISSUE_REASONS[input.operation];
  await tx.query(
    `insert into licence_operation (id, licence_id, operation, status_from, status_to, reason, actor_kind, actor_id)
     values ($1, $2, $3, '01', '05', $4, $5, $6)`,
    [uuidv7(), old.id, input.operation, reason, actor.kind, 'id' in actor ? actor.id : null],
  );
  await appendAudit(tx, actor, {
    action: 'licence.status',
    objectType: 'licence',
    objectId: old.id,
    regionCode: old.regionCode,
    details: { identifier: old.identifier, operation: input.operation, from: '01', to: '05', reason, caseId: origin.caseId ?? null },
  });
  const renewal = input.operation === '02';
  return issueInTx(
    ctx,
    tx,
    actor,
    {
      typeId: old.typeId,
      departmentId: old.issuerDepartmentId,
      holder: {
        kind: oldDoc.holder.kind,
        name: input.holderName ?? oldDoc.holder.name,
        code: oldDoc.holder.code,
        ...(oldDoc.holder.codeType ? { codeType: oldDoc.holder.codeType } : {}),
        ...(old.holderKind === 'person' && !old.holderRef.startsWith('idx:') ? { personId: old.holderRef } : {}),
      },
      fields: { ...oldDoc.fields, ...(input.fields ?? {}) },
      validFrom: input.validFrom ?? (renewal ? today() : oldDoc.validFrom),
      ...(input.validTo !== undefined ? { validTo: input.validTo } : renewal ? {} : { validTo: oldDoc.validTo }),
      ...(origin.caseId ? { caseId: origin.caseId } : {}),
      source: origin.source ?? old.source,
    },
    { operation: input.operation, related: old.identifier, serial: old.serial, versionNo: old.versionNo + 1 },
  );
}

/** Staff 延续 / 变更 of a licence of their department (`POST /api/licences/:id/reissue`). */
export async function reissueLicence(ctx: AppContext, actor: Actor, id: string, input: ReissueInput): Promise<LicenceView> {
  return ctx.db.transaction(async (tx) => {
    const old = await fetchReadable(tx, actor, id);
    requireScope(actor, ISSUE_ROLES, scopeOf(old));
    return reissueInTx(ctx, tx, actor, old, input);
  });
}
