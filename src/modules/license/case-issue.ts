import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { unprocessable } from '../../kernel/errors.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import { OPERATION_NAMES } from './codes.ts';
import { issueLicence, reissueInTx, type HolderInput } from './issue.ts';
import { documentCodec, today, type LicenceRow, type LicenceView } from './store.ts';
import { fetchTypeByCode } from './types.ts';

/** A holder as the cases module knows it: a person id (wallet owner) or an enterprise USCC. */
export interface HolderRef {
  kind: 'person' | 'enterprise';
  ref: string;
}

/**
 * 免证办: the holder's licence of this type that is in force today (有效, inside its validity
 * period), newest first, or nothing. A suspended, revoked, cancelled or expired one does not count.
 */
export async function heldValidLicence(q: Queryable, holder: HolderRef, typeCode: string): Promise<{ id: string; identifier: string } | undefined> {
  return q.one<{ id: string; identifier: string }>(
    `select l.id, l.identifier from licence l join licence_type t on t.id = l.type_id
      where l.holder_kind = $1 and l.holder_ref = $2 and t.code = $3 and l.status = '01'
        and l.valid_from <= $4::date and (l.valid_to is null or l.valid_to >= $4::date)
      order by l.issued_at desc limit 1`,
    [holder.kind, holder.ref, typeCode, today()],
  );
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The licence fields taken from a case's form: a field of the type's schema reads the form value
 * of the same name, in camelCase or in the catalogue's snake_case (`equipmentCode` ← `equipment_code`).
 */
export function fieldsFromForm(fieldKeys: readonly string[], form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fieldKeys) {
    const value = form[key] ?? form[snake(key)];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}

/** 操作类型 of the licence a case produces (the catalogue item's `result.licenseOperation`). */
export const CASE_LICENCE_OPERATIONS = ['01', '02', '09'] as const;
export type CaseLicenceOperation = (typeof CASE_LICENCE_OPERATIONS)[number];

export const isCaseLicenceOperation = (value: unknown): value is CaseLicenceOperation =>
  (CASE_LICENCE_OPERATIONS as readonly unknown[]).includes(value);

export interface CaseLicenceInput {
  caseId: string;
  typeCode: string;
  departmentId: string;
  holder: HolderInput;
  form: Record<string, unknown>;
  /** 01 新发 when absent. */
  operation?: CaseLicenceOperation;
}

export interface CaseLicence {
  id: string;
  identifier: string;
  typeName: string;
  operation: string;
  relatedIdentifier: string | null;
  created: boolean;
}

/** The wallet references a holder's licences may be filed under: a person's id, or the index of the ID number. */
function holderRefs(ctx: AppContext, holder: HolderInput): HolderRef[] {
  const code = holder.code.trim().toUpperCase();
  if (holder.kind === 'enterprise') return [{ kind: 'enterprise', ref: code }];
  const byIndex: HolderRef = { kind: 'person', ref: `idx:${documentCodec(ctx).holderIndex(code)}` };
  return holder.personId ? [{ kind: 'person', ref: holder.personId }, byIndex] : [byIndex];
}

/**
 * 延续 / 变更 from a case: the applicant's licence of the type in force becomes 失效 and a new
 * version carries the form's fields over the old ones. Without a licence in force there is
 * nothing to renew or change — an error, never a silent 新发.
 */
async function reissueForCase(ctx: AppContext, tx: Tx, actor: Actor, input: CaseLicenceInput, operation: '02' | '09'): Promise<LicenceView> {
  const type = await fetchTypeByCode(tx, input.typeCode);
  if (!type) throw unprocessable('LICENCE_TYPE_NOT_FOUND', {}, { typeCode: input.typeCode });
  // as for a 新发: the deciding department must be one that issues this type
  if (!type.issuingDepartmentIds.includes(input.departmentId))
    throw unprocessable('LICENCE_NOT_ISSUER', {}, { departmentId: input.departmentId, typeCode: type.code });
  let held: { id: string } | undefined;
  for (const ref of holderRefs(ctx, input.holder)) held ??= await heldValidLicence(tx, ref, input.typeCode);
  const old = held && (await tx.one('select * from licence where id = $1 for update', [held.id]));
  if (!old) throw unprocessable('LICENCE_CASE_NOT_HELD', { type: type.name, operation: OPERATION_NAMES[operation] }, { typeCode: type.code, operation });
  const row = camelRow<LicenceRow>(old);
  return reissueInTx(
    ctx,
    tx,
    actor,
    row,
    { operation, fields: fieldsFromForm(type.fields.map((f) => f.key), input.form), holderName: input.holder.name, version: row.version },
    { caseId: input.caseId, source: 'case' },
  );
}

/**
 * The licence a completed case produces, once per case: 新发, or the 延续 / 变更 of the one the
 * applicant holds. A second call (the completion event delivered twice) returns the licence
 * already issued. Runs in the caller's transaction.
 */
export async function issueCaseLicence(ctx: AppContext, tx: Tx, actor: Actor, input: CaseLicenceInput): Promise<CaseLicence> {
  const existing = await tx.one<{ id: string; identifier: string; type_name: string; operation: string; related_identifier: string | null }>(
    `select l.id, l.identifier, t.name as type_name, l.operation, l.related_identifier from licence l join licence_type t on t.id = l.type_id
      where l.case_id = $1 and l.source = 'case'`,
    [input.caseId],
  );
  if (existing) {
    return { id: existing.id, identifier: existing.identifier, typeName: existing.type_name, operation: existing.operation, relatedIdentifier: existing.related_identifier, created: false };
  }
  const operation = input.operation ?? '01';
  let issued: LicenceView;
  if (operation === '01') {
    const type = await fetchTypeByCode(tx, input.typeCode);
    const fields = type ? fieldsFromForm(type.fields.map((f) => f.key), input.form) : {};
    issued = await issueLicence(
      ctx,
      actor,
      { typeCode: input.typeCode, departmentId: input.departmentId, holder: input.holder, fields, caseId: input.caseId, source: 'case' },
      { tx },
    );
  } else {
    issued = await reissueForCase(ctx, tx, actor, input, operation);
  }
  return { id: issued.id, identifier: issued.identifier, typeName: issued.typeName, operation: issued.operation, relatedIdentifier: issued.relatedIdentifier, created: true };
}
