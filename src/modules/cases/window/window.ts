import type { Actor, Role, StaffActor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import { canAct, grantsFor, requireRole } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError, unprocessable } from '../../../kernel/errors.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { personalData } from '../../../kernel/pii.ts';
import { isWithinRegion } from '../../../kernel/region-code.ts';
import { maskIdNumber, maskPhone, validateIdNumber } from '../../../kernel/validate/idcard.ts';
import { validateUscc } from '../../../kernel/validate/uscc.ts';
import { getPublishedVersion, type PublishedVersion } from '../../catalog/index.ts';
import {
  actingFor,
  findEnterpriseByUscc,
  findPersonByIdNumber,
  personView,
  type ActingFor,
  type EnterpriseRecord,
} from '../../identity/index.ts';
import { windowRef } from '../../org/index.ts';
import {
  caseByIdempotencyKey,
  checkAgentScope,
  checkServiceObject,
  insertDraft,
  submitDraft,
  type NewDraft,
} from '../application/applications.ts';
import type { PrefillSources } from '../application/form.ts';
import { libraryLacks, materialKeyOf, skippedMaterial } from '../application/materials.ts';
import { libraryHoldsFor } from '../application/material-status.ts';
import { prefillItem, type LibrarySubject } from '../application/library-use.ts';
import { declaredKinds, maskForm } from '../personal-form.ts';
import { presentCase, type CaseRow } from '../model.ts';
import { claimKey } from '../application/idempotency.ts';
import { openScan } from './scans.ts';
import type { ApplicantQuery, ApplicantView, WindowApplication, WindowCase, WindowForm, WindowRecorded } from './schemas.ts';

export type { ApplicantQuery, ApplicantView };

/** Who records applications at a window: general-window clerks, and a department's own approvers for its items. */
export const WINDOW_ROLES: readonly Role[] = ['window_clerk', 'approver'];


type PersonRecord = NonNullable<Awaited<ReturnType<typeof personView>>>;

/** The applicant as found: the person, or the enterprise with the person who came for it. */
interface Applicant {
  kind: 'person' | 'enterprise';
  /** The person applying, or for an enterprise the named agent, else its legal representative. */
  person: PersonRecord;
  enterprise?: EnterpriseRecord;
  /** The agent's current authorisation, when an agent was named. */
  acting?: ActingFor;
}


const notFound = (field: string) => new AppError('APPLICANT_NOT_FOUND', 404, {}, { field });

/**
 * A clerk finds applicants registered in their region subtree (a person or enterprise without a
 * registered region, any clerk). Outside it the answer is the same 404 as for nobody, so a
 * clerk cannot probe who is registered elsewhere. Cross-region handling (跨域通办) would widen this.
 */
function inClerkRegion(clerk: StaffActor, regionCode: string | null): boolean {
  return regionCode === null || grantsFor(clerk, WINDOW_ROLES).some((g) => isWithinRegion(regionCode, g.regionCode));
}

function checkIdNumber(value: string, field: string): string {
  const idNumber = value.trim().toUpperCase();
  const check = validateIdNumber(idNumber);
  if (!check.ok) throw new AppError('ID_NUMBER_INVALID', 422, { reason: check.reason }, { field, reason: check.reason });
  return idNumber;
}

async function personByIdNumber(ctx: AppContext, clerk: StaffActor, value: string, field: string): Promise<PersonRecord> {
  const pii = personalData(ctx.config.masterKey);
  const found = await findPersonByIdNumber(ctx.db, pii, checkIdNumber(value, field));
  if (!found || !inClerkRegion(clerk, found.regionCode)) throw notFound(field);
  return (await personView(ctx.db, pii, found.id, true))!;
}

async function resolveApplicant(ctx: AppContext, clerk: StaffActor, q: ApplicantQuery): Promise<Applicant> {
  if ('idNumber' in q) return { kind: 'person', person: await personByIdNumber(ctx, clerk, q.idNumber, 'idNumber') };
  const uscc = q.uscc.trim().toUpperCase();
  const check = validateUscc(uscc);
  if (!check.ok) throw new AppError('USCC_INVALID', 422, { reason: check.reason }, { field: 'uscc', reason: check.reason });
  const enterprise = await findEnterpriseByUscc(ctx.db, uscc);
  if (!enterprise || !inClerkRegion(clerk, enterprise.regionCode)) throw notFound('uscc');
  if (!q.agentIdNumber) {
    const legalRep = (await personView(ctx.db, personalData(ctx.config.masterKey), enterprise.legalRepPersonId, true))!;
    return { kind: 'enterprise', person: legalRep, enterprise };
  }
  const agent = await personByIdNumber(ctx, clerk, q.agentIdNumber, 'agentIdNumber');
  // the paper authorisation brought to the window is not enough: the enterprise must have granted it on the platform
  const acting = await actingFor(ctx.db, agent.id, enterprise.id);
  if (!acting) throw new AppError('AGENT_NOT_AUTHORISED', 403);
  return { kind: 'enterprise', person: agent, enterprise, acting };
}

function present(a: Applicant): ApplicantView {
  const p = a.person;
  if (a.kind === 'person') {
    return {
      kind: 'person',
      name: p.name,
      idNumber: maskIdNumber(p.idNumber),
      phone: p.phone ? maskPhone(p.phone) : null,
      assuranceLevel: p.assuranceLevel,
      uscc: null,
      representative: null,
    };
  }
  return {
    kind: 'enterprise',
    name: a.enterprise!.name,
    idNumber: null,
    phone: null,
    assuranceLevel: null,
    uscc: a.enterprise!.uscc,
    representative: {
      name: p.name,
      idNumber: maskIdNumber(p.idNumber),
      role: a.acting && a.acting.role !== 'legal_rep' ? 'agent' : 'legal_rep',
    },
  };
}

/** Every answer showing an applicant's personal data to a clerk is audited. */
function auditLookup(ctx: AppContext, clerk: StaffActor, a: Applicant, q: ApplicantQuery, item: string | null): Promise<void> {
  return ctx.db.transaction((tx) =>
    appendAudit(tx, clerk, {
      action: 'case.window_applicant_lookup',
      objectType: a.kind,
      objectId: a.enterprise?.id ?? a.person.id,
      regionCode: clerk.regionCode,
      details: { by: 'idNumber' in q ? 'idNumber' : 'uscc', item },
    }),
  );
}

/** The applicant for the window, masked. */
export async function findApplicant(ctx: AppContext, actor: Actor, q: ApplicantQuery): Promise<ApplicantView> {
  const clerk = requireRole(actor, WINDOW_ROLES);
  const a = await resolveApplicant(ctx, clerk, q);
  await auditLookup(ctx, clerk, a, q, null);
  return present(a);
}

/** An item the clerk may take: its region and department lie in one of the clerk's grants (综合窗口: any department). */
async function itemInScope(ctx: AppContext, clerk: StaffActor, item: string): Promise<PublishedVersion> {
  const v = await getPublishedVersion(ctx.db, item);
  if (!canAct(clerk, WINDOW_ROLES, { regionCode: v.regionCode, departmentId: v.departmentId }))
    throw new AppError('WINDOW_ITEM_OUT_OF_SCOPE', 403, { item: v.name }, { itemCode: v.code, regionCode: v.regionCode });
  return v;
}

function applicantChecks(a: Applicant, v: PublishedVersion): void {
  checkServiceObject(v.content, a.kind === 'enterprise');
  if (a.acting) checkAgentScope(a.acting, v);
}

const prefillSources = (a: Applicant): PrefillSources => ({
  person: { name: a.person.name, idNumber: a.person.idNumber, phone: a.person.phone },
  enterprise: a.enterprise ? { name: a.enterprise.name, uscc: a.enterprise.uscc } : undefined,
});

/** Whom the base libraries are asked about: the applicant person, or the enterprise (as its case will say). */
const librarySubject = (a: Applicant): LibrarySubject => ({
  applicant_person_id: a.kind === 'person' ? a.person.id : null,
  applicant_enterprise_id: a.enterprise?.id ?? null,
});

/**
 * What the clerk needs to fill in the item's form for this applicant: the form and materials of
 * the published version, the fields identity and the base libraries fill in (shown masked where
 * personal; the server fills the clear values at submission) with each library value's source,
 * and which materials the platform obtains — one a library replaces only when it holds the
 * applicant, else the clerk scans it. Reading the libraries is a use the applicant's ledger shows.
 */
export async function windowForm(ctx: AppContext, actor: Actor, item: string, q: ApplicantQuery): Promise<WindowForm> {
  const clerk = requireRole(actor, WINDOW_ROLES);
  const pii = personalData(ctx.config.masterKey);
  const v = await itemInScope(ctx, clerk, item);
  const a = await resolveApplicant(ctx, clerk, q);
  applicantChecks(a, v);
  await auditLookup(ctx, clerk, a, q, v.code);
  const prefill = await ctx.db.transaction((tx) => prefillItem(tx, pii, v, prefillSources(a), 'window'));
  const defs = v.content.materials ?? [];
  const libraries = await libraryHoldsFor(ctx.db, pii, librarySubject(a), defs);
  return {
    item: {
      id: v.itemId,
      code: v.code,
      name: v.name,
      regionCode: v.regionCode,
      departmentId: v.departmentId,
      form: v.content.form ?? null,
      commitment: Boolean(v.content.flags?.commitment),
      materials: defs.map((m, i) => ({ ...m, key: materialKeyOf(m, i), skipped: skippedMaterial(m, { libraries }), dataMissing: libraryLacks(m, libraries) })),
    },
    applicant: present(a),
    prefill: maskForm(declaredKinds(v.content.form), prefill.values),
    prefilledFrom: prefill.from,
  };
}

export type WindowApplicationInput = WindowApplication;

/** The scans cited for the item's materials; checked only once the request is known not to be a replay (tickets expire). */
function openScans(ctx: AppContext, clerk: StaffActor, v: PublishedVersion, materials: WindowApplicationInput['materials']) {
  const keys = new Set((v.content.materials ?? []).map(materialKeyOf));
  const unknown = materials.filter((m) => !keys.has(m.key)).map((m) => m.key);
  if (unknown.length) throw unprocessable('MATERIAL_UNKNOWN', { key: unknown.join(',') }, { materialKeys: unknown });
  return materials.map((m) => ({ key: m.key, scan: openScan(ctx.config.masterKey, clerk, m.ticket) }));
}

/** A submitted window case as answered to the clerk: no form data (it holds the applicant's identifiers in clear). */
function clerkView(c: CaseRow): WindowCase {
  const { formData: _formData, ...view } = presentCase(c);
  return {
    ...view,
    number: c.number!,
    channel: 'window' as const,
    queryCode: c.query_code!,
    receiptUrl: `/api/cases/${c.id}/receipt.pdf`,
  };
}

/**
 * 一窗受理: the clerk records the application and submits it in one transaction — the case (owned
 * by the applicant person, or for an enterprise by the agent who came, else its legal
 * representative), the scanned materials and the submission with its number and clock. The
 * form is checked like an online one; identity and base-library fields are filled by the
 * platform, not typed (免填报: the read in the applicant's ledger, each value's source kept); a
 * material a library replaces but does not hold the applicant in must be scanned (submitDraft).
 * The same idempotency key answers with the case already recorded.
 */
export async function recordWindowApplication(
  ctx: AppContext,
  actor: Actor,
  input: WindowApplicationInput,
): Promise<WindowRecorded> {
  const clerk = requireRole(actor, WINDOW_ROLES);
  const pii = personalData(ctx.config.masterKey);
  const v = await itemInScope(ctx, clerk, input.item);
  const a = await resolveApplicant(ctx, clerk, input.applicant);
  applicantChecks(a, v);
  const window = input.windowId ? await windowRef(ctx.db, input.windowId) : undefined;
  if (
    input.windowId &&
    (!window || !canAct(clerk, WINDOW_ROLES, { regionCode: window.regionCode, departmentId: window.departmentId }))
  )
    throw unprocessable('WINDOW_UNKNOWN', {}, { windowId: input.windowId });
  const owner = a.person.id;
  const draft = (prefill: Awaited<ReturnType<typeof prefillItem>>): NewDraft => ({
    version: v,
    applicant: a.enterprise
      ? {
          kind: 'enterprise',
          enterpriseId: a.enterprise.id,
          name: a.enterprise.name,
          agentPersonId: a.acting && a.acting.role !== 'legal_rep' ? a.person.id : null,
        }
      : { kind: 'person', personId: a.person.id, name: a.person.name },
    ownerPersonId: owner,
    // what the platform fills wins over anything typed: the clerk does not edit who the applicant
    // is or retype what the libraries hold (a wrong library value is the data bureau's to correct)
    formData: { ...input.formData, ...prefill.values },
    prefilledFrom: prefill.from,
    idempotencyKey: input.idempotencyKey,
    channel: 'window',
  });

  const replay = (c: CaseRow) => {
    // a key from before keys were claimed, used by an online application of the applicant
    if (c.channel !== 'window' || !c.number) throw unprocessable('IDEMPOTENCY_KEY_REUSED', {}, { key: input.idempotencyKey });
    return { replayed: true, case: clerkView(c) };
  };
  const { idempotencyKey, ...request } = input;
  return ctx.db.transaction(async (tx) => {
    // the key stands for this application: the same key with another applicant, form or scans is a 422
    await claimKey(tx, owner, idempotencyKey, 'cases.window_application', request);
    const existing = await caseByIdempotencyKey(tx, owner, input.idempotencyKey);
    if (existing) return replay(existing);
    const c = await insertDraft(tx, pii, draft(await prefillItem(tx, pii, v, prefillSources(a), 'window')));
    // a concurrent request with the same key committed first: its case is the answer
    if (!c) return replay((await caseByIdempotencyKey(tx, owner, input.idempotencyKey))!);
    // the counter where it was recorded: ratings of the case roll up by hall and window
    if (window) await tx.query('update case_record set window_id = $1, hall_id = $2 where id = $3', [window.id, window.hallId, c.id]);
    for (const { key, scan } of openScans(ctx, clerk, v, input.materials)) {
      await tx.query(
        `insert into case_material (id, case_id, material_key, file_key, file_name, mime, size, sm3, stage, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, 'window', $9)`,
        [uuidv7(), c.id, key, scan.fileKey, scan.fileName, scan.mime, scan.size, scan.sm3, clerk.id],
      );
    }
    const details = {
      channel: 'window',
      clerk: { id: clerk.id, name: clerk.name, department: clerk.departmentName },
      window: window ? { id: window.id, number: window.number, name: window.name, hall: window.hallName } : null,
    };
    const submitted = await submitDraft(tx, pii, clerk, c, v, {
      idempotencyKey: input.idempotencyKey,
      details,
      commitment: input.commitment,
    });
    return { replayed: false, case: clerkView(submitted) };
  });
}
