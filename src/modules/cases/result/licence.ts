import { systemActor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { maskPersonal } from '../../../kernel/validate/mask.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { actingFor, personView } from '../../identity/index.ts';
import { heldValidLicence, issueCaseLicence, recordLicenceUse, isCaseLicenceOperation, type HolderInput, type HolderRef } from '../../license/index.ts';
import { departments } from '../../org/index.ts';
import { materialKeyOf } from '../application/materials.ts';
import type { CaseRow } from '../model.ts';
import { openForm } from '../personal-form.ts';
import { registerSubject } from './registration.ts';

export const RESULTS_ACTOR = systemActor('cases.results');

type MaterialDef = NonNullable<ItemContent['materials']>[number];

/** Who holds what the case produces, and whose wallet 免证办 looks into: the applicant. */
export interface Applicant {
  ref: HolderRef;
  name: string;
  /** 居民身份证号 or 统一社会信用代码. */
  code: string;
  personId?: string;
}

/**
 * The applicant as a licence holder. For an enterprise the USCC comes from the authorisation of
 * the person who applied for it (nothing when that authorisation has ended).
 */
export async function applicantOf(ctx: AppContext, q: Queryable, c: CaseRow): Promise<Applicant | undefined> {
  if (c.applicant_kind === 'enterprise') {
    const acting = await enterpriseOf(q, c);
    return acting ? { ref: { kind: 'enterprise', ref: acting.uscc }, name: acting.name, code: acting.uscc } : undefined;
  }
  const personId = c.applicant_person_id ?? c.owner_person_id;
  const person = await personView(q, personalData(ctx.config.masterKey), personId, true);
  return person ? { ref: { kind: 'person', ref: personId }, name: person.name, code: person.idNumber, personId } : undefined;
}

const enterpriseOf = (q: Queryable, c: CaseRow) => actingFor(q, c.agent_person_id ?? c.owner_person_id, c.applicant_enterprise_id!);

/** The applicant's wallet: the person's own, or the enterprise's by its USCC. */
async function holderRefOf(q: Queryable, c: CaseRow): Promise<HolderRef | undefined> {
  if (c.applicant_kind === 'person') return { kind: 'person', ref: c.applicant_person_id ?? c.owner_person_id };
  const acting = await enterpriseOf(q, c);
  return acting ? { kind: 'enterprise', ref: acting.uscc } : undefined;
}

export interface IssuedLicence {
  /** 设立登记: the market subject the decision registered, who holds the licence. */
  registered: { name: string; uscc: string } | null;
  /** A holder the form names (result.holder), with the document number masked. */
  heldBy: HeldBy | null;
  id: string;
  identifier: string;
  typeName: string;
  holderKind: 'person' | 'enterprise';
  holderCode: string;
  /** 01 新发, 02 延续, 09 变更. */
  operation: string;
  /** The licence a 延续 or 变更 replaced. */
  relatedIdentifier: string | null;
}

/**
 * The licence an approved case issues, signed with the department's seal, once per case: to its
 * applicant new (01), or for 延续 (02) / 变更 (09) items a new version of the licence of the type
 * the applicant holds — which fails (a result problem for staff) when there is none in force; for
 * a 设立登记 (`registers`) new to the market subject the decision registers.
 */
export async function issueResultLicence(ctx: AppContext, tx: Tx, c: CaseRow, result: LicenceResult): Promise<IssuedLicence> {
  const { licenseTypeCode: typeCode, licenseOperation: operation = '01', registers, holder: named } = result;
  // the catalogue's schema admits only these; an older version's content is read as it was stored
  if (!isCaseLicenceOperation(operation)) throw new AppError('RESULT_LICENCE_OPERATION', 409, { operation }, { operation });
  const applicant = await applicantOf(ctx, tx, c);
  if (!applicant) throw new AppError('RESULT_HOLDER_UNKNOWN', 409, {}, { applicantKind: c.applicant_kind });
  // the licence carries what the law asks of the form, so the clear values
  const form = openForm(personalData(ctx.config.masterKey), c);
  const registered = registers ? await registerSubject(ctx, tx, c, registers, form, applicant) : undefined;
  const holder: HolderInput = registered
    ? { kind: 'enterprise', name: registered.name, code: registered.uscc }
    : named
      ? namedHolder(named, form)
      : { kind: applicant.ref.kind, name: applicant.name, code: applicant.code, ...(applicant.personId ? { personId: applicant.personId } : {}) };
  // the license module checks the name and the number (a bad passport number is a holder problem)
  const issued = await issueCaseLicence(ctx, tx, RESULTS_ACTOR, { caseId: c.id, typeCode, departmentId: c.department_id, holder, form: { ...form, ...registered?.fields }, operation });
  const heldBy = named ? heldByOf(holder, named.codeType) : null;
  await tx.query(
    `insert into case_result_licence (case_id, licence_id, identifier, type_code, type_name, operation, related_identifier, registered_name, registered_uscc,
                                      held_by_name, held_by_code, held_by_code_type)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (case_id) do nothing`,
    [c.id, issued.id, issued.identifier, typeCode, issued.typeName, issued.operation, issued.relatedIdentifier, registered?.name ?? null, registered?.uscc ?? null,
     heldBy?.name ?? null, heldBy?.code ?? null, heldBy?.codeType ?? null],
  );
  return {
    registered: registered ? { name: registered.name, uscc: registered.uscc } : null,
    heldBy,
    id: issued.id,
    identifier: issued.identifier,
    typeName: issued.typeName,
    holderKind: holder.kind,
    holderCode: holder.code,
    operation: issued.operation,
    relatedIdentifier: issued.relatedIdentifier,
  };
}

/** What of an item's result its licence needs: the type, the 操作类型, what a 设立登记 registers, a holder the form names. */
export type LicenceResult = { licenseTypeCode: string } & Pick<NonNullable<ItemContent['result']>, 'licenseOperation' | 'registers' | 'holder'>;

type NamedHolder = NonNullable<LicenceResult['holder']>;
export interface HeldBy {
  name: string;
  /** Masked: the applicant typed it, the results page need not repeat it. */
  code: string;
  codeType: NamedHolder['codeType'];
}

const formText = (form: Record<string, unknown>, key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');

/** The person the form names as the holder (外国人工作许可证: the worker by passport), never linked to an account. */
function namedHolder(named: NamedHolder, form: Record<string, unknown>): HolderInput {
  return { kind: 'person', name: formText(form, named.nameField), code: formText(form, named.codeField).toUpperCase(), codeType: named.codeType };
}

const heldByOf = (holder: HolderInput, codeType: NamedHolder['codeType']): HeldBy => ({
  name: holder.name,
  code: maskPersonal(codeType === 'passport' ? 'passport' : 'id_number', holder.code),
  codeType,
});

/**
 * 免证办: the materials of an item that a valid e-licence of the applicant replaces, by material
 * key, with the licence that does. Materials without `replacedByLicenseType` are not looked up.
 */
export async function licenceCoveredMaterials(q: Queryable, c: CaseRow, materials: readonly MaterialDef[]): Promise<Map<string, string>> {
  const covered = new Map<string, string>();
  const wanted = materials.map((m, i) => ({ key: materialKeyOf(m, i), type: m.replacedByLicenseType })).filter((m) => m.type);
  if (!wanted.length) return covered;
  const holder = await holderRefOf(q, c);
  if (!holder) return covered;
  for (const m of wanted) {
    const held = await heldValidLicence(q, holder, m.type!);
    if (held) covered.set(m.key, held.identifier);
  }
  return covered;
}

/**
 * At submission, every material skipped because a licence replaced it is a licence use (用证)
 * the holder sees in the wallet and license_use_rate counts; once per case and material.
 */
export async function recordSkippedLicenceUses(ctx: AppContext, tx: Tx, c: CaseRow, materials: readonly MaterialDef[]): Promise<number> {
  const uploaded = new Set((await tx.query<{ k: string }>('select distinct material_key as k from case_material where case_id = $1', [c.id])).map((r) => r.k));
  const dept = await departments.fetch(tx, c.department_id);
  let recorded = 0;
  for (const [key, identifier] of await licenceCoveredMaterials(tx, c, materials)) {
    if (uploaded.has(key)) continue;
    const fresh = await tx.one(
      `insert into case_licence_use (case_id, material_key, licence_identifier) values ($1, $2, $3) on conflict do nothing returning case_id`,
      [c.id, key, identifier],
    );
    if (!fresh) continue;
    const name = materials.find((m, i) => materialKeyOf(m, i) === key)?.name ?? key;
    await recordLicenceUse(
      ctx,
      RESULTS_ACTOR,
      {
        identifier,
        kind: 'case',
        purpose: `办件 ${c.number}（${c.item_name}）免提交“${name}”`,
        userDepartmentId: c.department_id,
        ...(dept ? { userName: dept.name } : {}),
        caseId: c.id,
        itemCode: c.item_code,
      },
      { tx },
    );
    recorded++;
  }
  return recorded;
}
