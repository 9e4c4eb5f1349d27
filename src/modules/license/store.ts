import type { Actor } from '../../kernel/actor.ts';
import { canAct } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import { STATUS_NAMES, verdictForStatus, type LicenceStatus, type Operation } from './codes.ts';
import type { FieldValues } from './fields.ts';
import * as clock from '../../kernel/clock.ts';
import type { Licence } from './schemas.ts';

/** The signed content of a licence: canonical JSON of this object is what the seal signs. */
export interface LicenceDocument {
  format: 'yiwang.licence/1';
  identifier: string;
  type: { code: string; name: string };
  issuer: { name: string; uscc: string };
  /** `codeType` only for a person known by a passport (absent: 居民身份证 or 统一社会信用代码). */
  holder: { kind: 'person' | 'enterprise'; name: string; code: string; codeType?: 'passport' };
  fields: FieldValues;
  issuedAt: string;
  validFrom: string;
  /** null: long-term (长期有效). */
  validTo: string | null;
  operation: Operation;
  relatedIdentifier: string | null;
}

export interface LicenceRow {
  id: string;
  identifier: string;
  typeId: string;
  serial: string;
  versionNo: number;
  issuerDepartmentId: string;
  regionCode: string;
  holderKind: 'person' | 'enterprise';
  holderRef: string;
  documentEnc: string;
  documentSm3: string;
  signature: string;
  keyId: string;
  sealId: string;
  status: LicenceStatus;
  operation: Operation;
  relatedIdentifier: string | null;
  issuedAt: string;
  validFrom: string;
  validTo: string | null;
  caseId: string | null;
  source: 'staff' | 'case' | 'import';
  version: number;
}

/** Staff who may read licences their department issued, personal fields included. */
export const STAFF_READ_ROLES = ['administrator', 'department_admin', 'approver', 'window_clerk'] as const;
/** Staff who may issue and change licences of their department. */
export const ISSUE_ROLES = ['department_admin', 'approver'] as const;

export const today = () => clock.today();

export async function fetchLicence(q: Queryable, id: string): Promise<LicenceRow | undefined> {
  const row = await q.one('select * from licence where id = $1', [id]);
  return row ? camelRow<LicenceRow>(row) : undefined;
}

export async function fetchByIdentifier(q: Queryable, identifier: string): Promise<LicenceRow | undefined> {
  const row = await q.one('select * from licence where identifier = $1', [identifier]);
  return row ? camelRow<LicenceRow>(row) : undefined;
}

export const scopeOf = (l: Pick<LicenceRow, 'regionCode' | 'issuerDepartmentId'>) => ({
  regionCode: l.regionCode,
  departmentId: l.issuerDepartmentId,
});

/**
 * The holder: the person it was issued to, or for an enterprise licence a person acting for
 * that enterprise (legal representative, administrator, or an agent with full scope).
 */
export function isHolder(actor: Actor, l: Pick<LicenceRow, 'holderKind' | 'holderRef'>): boolean {
  if (actor.kind !== 'person') return false;
  if (l.holderKind === 'person') return l.holderRef === actor.id;
  return enterpriseOf(actor) === l.holderRef;
}

/** USCC of the enterprise the person may hold licences for, if any. */
export function enterpriseOf(actor: Actor): string | undefined {
  if (actor.kind !== 'person' || !actor.actingFor) return undefined;
  const a = actor.actingFor;
  return a.role !== 'agent' || a.scope === 'all' ? a.uscc : undefined;
}

/** Holder or authorised staff; anyone else gets 404 so identifiers of others cannot be probed. */
export async function fetchReadable(q: Queryable, actor: Actor, id: string): Promise<LicenceRow> {
  const l = await fetchLicence(q, id);
  if (!l || !(isHolder(actor, l) || canAct(actor, STAFF_READ_ROLES, scopeOf(l)))) throw notFound('licence', id);
  return l;
}

export function documentCodec(ctx: AppContext) {
  const pii = personalData(ctx.config.masterKey);
  return {
    seal: (canonical: string) => pii.encrypt(canonical),
    /** The exact canonical bytes that were signed. */
    open: (row: Pick<LicenceRow, 'documentEnc'>) => pii.decrypt(row.documentEnc),
    holderIndex: (code: string) => pii.index(code),
  };
}

/** A licence as the API shows it (the route schema's type). */
export type LicenceView = Licence;

/** The field specs (证照目录 数据项) of each licence type, in one query for a page of licences. */
async function typeFields(q: Queryable, typeIds: string[]): Promise<Map<string, { key: string; label: string; personal?: boolean }[]>> {
  const ids = [...new Set(typeIds)];
  const rows = ids.length
    ? await q.query<{ id: string; fields: { key: string; label: string; personal?: boolean }[] }>('select id, fields from licence_type where id = any($1)', [ids])
    : [];
  return new Map(rows.map((r) => [r.id, r.fields]));
}

/** Field key → label of each licence type. */
export async function fieldLabels(q: Queryable, typeIds: string[]): Promise<Map<string, Record<string, string>>> {
  const specs = await typeFields(q, typeIds);
  return new Map([...specs].map(([id, fields]) => [id, Object.fromEntries(fields.map((f) => [f.key, f.label]))]));
}

/** Field labels and the keys of the personal fields of each licence type. */
export async function fieldInfo(q: Queryable, typeIds: string[]): Promise<Map<string, { labels: Record<string, string>; personal: Set<string> }>> {
  const specs = await typeFields(q, typeIds);
  return new Map(
    [...specs].map(([id, fields]) => [
      id,
      { labels: Object.fromEntries(fields.map((f) => [f.key, f.label])), personal: new Set(fields.filter((f) => f.personal).map((f) => f.key)) },
    ]),
  );
}

export function view(row: LicenceRow, doc: LicenceDocument, labels: Record<string, string> = {}): LicenceView {
  return {
    id: row.id,
    identifier: row.identifier,
    typeId: row.typeId,
    typeCode: doc.type.code,
    typeName: doc.type.name,
    issuerDepartmentId: row.issuerDepartmentId,
    issuerName: doc.issuer.name,
    issuerUscc: doc.issuer.uscc,
    holder: doc.holder,
    fields: doc.fields,
    fieldLabels: labels,
    status: row.status,
    statusName: STATUS_NAMES[row.status],
    verdict: verdictForStatus(row.status, row.validTo, today()),
    operation: row.operation,
    relatedIdentifier: row.relatedIdentifier,
    issuedAt: row.issuedAt,
    validFrom: row.validFrom,
    validTo: row.validTo,
    sealId: row.sealId,
    keyId: row.keyId,
    source: row.source,
    caseId: row.caseId,
    version: row.version,
  };
}
