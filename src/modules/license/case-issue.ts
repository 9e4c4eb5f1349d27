import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { issueLicence, type HolderInput } from './issue.ts';
import { today } from './store.ts';
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

export interface CaseLicenceInput {
  caseId: string;
  typeCode: string;
  departmentId: string;
  holder: HolderInput;
  form: Record<string, unknown>;
}

/**
 * The licence a completed case produces, issued once per case: a second call (the completion
 * event delivered twice) returns the licence already issued. Runs in the caller's transaction.
 */
export async function issueCaseLicence(ctx: AppContext, tx: Tx, actor: Actor, input: CaseLicenceInput): Promise<{ id: string; identifier: string; typeName: string; created: boolean }> {
  const existing = await tx.one<{ id: string; identifier: string; type_name: string }>(
    `select l.id, l.identifier, t.name as type_name from licence l join licence_type t on t.id = l.type_id
      where l.case_id = $1 and l.source = 'case' and l.operation = '01'`,
    [input.caseId],
  );
  if (existing) return { id: existing.id, identifier: existing.identifier, typeName: existing.type_name, created: false };
  const type = await fetchTypeByCode(tx, input.typeCode);
  const fields = type ? fieldsFromForm(type.fields.map((f) => f.key), input.form) : {};
  const issued = await issueLicence(
    ctx,
    actor,
    { typeCode: input.typeCode, departmentId: input.departmentId, holder: input.holder, fields, caseId: input.caseId, source: 'case' },
    { tx },
  );
  return { id: issued.id, identifier: issued.identifier, typeName: issued.typeName, created: true };
}
