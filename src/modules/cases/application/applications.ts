import { randomInt } from 'node:crypto';
import type { Actor, EnterpriseActing } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { AppError, conflict, forbidden, unauthenticated, unprocessable } from '../../../kernel/errors.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { personalData, type PersonalData } from '../../../kernel/pii.ts';
import { getPublishedVersion, getVersionById, type ItemContent, type PublishedVersion } from '../../catalog/index.ts';
import { actingFor, personView } from '../../identity/index.ts';
import { libraryValues } from '../../data/index.ts';
import { loadCase, ownCase } from '../access.ts';
import { resumeClock, runClock, today } from '../workflow/clocks.ts';
import { prefillValues, untypedSources, validateForm, type PrefillSources } from './form.ts';
import { CASE_COLUMNS, presentCase, type CaseRow, type CaseView, type PrefilledFrom } from '../model.ts';
import { nextCaseNumber } from './numbering.ts';
import { beforeDecision } from './applicant-actions.ts';
import { materialStatuses } from './material-status.ts';
import { caseSubject, libraryUse, prefillItem } from './library-use.ts';
import { materialKeyOf } from './materials.ts';
import { stepsFor } from '../workflow/steps.ts';
import { signCommitment } from '../workflow/commitment.ts';
import { applyInstantApproval } from '../workflow/instant-decision.ts';
import { checkVersion, recordTransition, updateCase } from '../workflow/transitions.ts';
import * as clock from '../../../kernel/clock.ts';
import { claimKey } from './idempotency.ts';
import { declaredKinds, openForm, sealForm } from '../personal-form.ts';

export type Person = Extract<Actor, { kind: 'person' }>;

/** The answer to the applicant: their own form in clear (handlers' answers keep it masked). */
export const applicantView = (pii: PersonalData, c: CaseRow): CaseView => presentCase(c, openForm(pii, c));

export function requirePerson(actor: Actor): Person {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  return actor;
}

/** An agent with an item-scoped authorisation may apply only for the listed items. */
export function checkAgentScope(acting: EnterpriseActing, v: PublishedVersion): void {
  if (acting.scope === 'all') return;
  const codes = new Set(acting.itemCodes);
  if (![v.code, v.implementationCode, v.basicCode].some((c) => codes.has(c)))
    throw new AppError('AGENT_ITEM_NOT_AUTHORISED', 403, { item: v.name }, { itemCode: v.code });
}

/** Whether the item serves this kind of applicant (服务对象). */
export function checkServiceObject(content: ItemContent, forEnterprise: boolean): void {
  const objects = content.serviceObjects;
  if (!objects?.length) return;
  const servesPerson = objects.includes('natural_person');
  const servesEntity = objects.some((o) => o !== 'natural_person');
  if (forEnterprise ? !servesEntity : !servesPerson)
    throw unprocessable('APPLICANT_KIND_NOT_SERVED', {}, { applicant: forEnterprise ? 'enterprise' : 'person', serviceObjects: objects });
}

function caseTypeOf(content: ItemContent): { caseType: 'immediate' | 'promised'; promised: number; statutory: number } {
  const promised = content.promisedLimit?.days ?? content.statutoryLimit?.days ?? 0;
  const statutory = content.statutoryLimit?.days ?? promised;
  const immediate = content.caseType === 'immediate' || content.promisedLimit?.immediate === true || promised === 0;
  return { caseType: immediate ? 'immediate' : 'promised', promised: immediate ? 0 : promised, statutory: Math.max(statutory, immediate ? 0 : promised) };
}

/** Who fills the form by themselves (免填报): the signed-in person and the enterprise they act for. */
export async function prefillSources(ctx: AppContext, person: Person): Promise<PrefillSources> {
  const me = await personView(ctx.db, personalData(ctx.config.masterKey), person.id, true);
  const acting = person.actingFor;
  return {
    person: me ? { name: me.name, idNumber: me.idNumber, phone: me.phone } : undefined,
    enterprise: acting ? { name: acting.name, uscc: acting.uscc } : undefined,
  };
}

export interface DraftInput {
  item: string;
  formData?: Record<string, unknown>;
  idempotencyKey?: string;
}

/**
 * Start an application: the form is prefilled from the identity and the base libraries (免填报)
 * and kept as a draft bound to the item's published version. The same idempotency key returns
 * the same draft. A 一件事 member (`bundle`) reads no library: the bundle read them once for all its
 * members, its form brings the values and `prefilledFrom` their sources.
 */
export async function createDraft(
  ctx: AppContext,
  actor: Actor,
  input: DraftInput,
  bundle?: { prefilledFrom: Record<string, PrefilledFrom> },
): Promise<{ created: boolean; case: CaseView }> {
  const person = requirePerson(actor);
  const pii = personalData(ctx.config.masterKey);
  const v = await getPublishedVersion(ctx.db, input.item);
  const acting = person.actingFor;
  checkServiceObject(v.content, Boolean(acting));
  if (acting) checkAgentScope(acting, v);
  const sources = await prefillSources(ctx, person);
  return ctx.db.transaction(async (tx) => {
    if (input.idempotencyKey) {
      // the same key with another item, form or enterprise is refused, not answered with this draft
      await claimKey(tx, person.id, input.idempotencyKey, 'cases.draft', { item: input.item, formData: input.formData ?? {}, actingFor: acting?.enterpriseId ?? null });
      const existing = await caseByIdempotencyKey(tx, person.id, input.idempotencyKey);
      if (existing) return { created: false, case: applicantView(pii, existing) };
    }
    const prefill = bundle
      ? { values: prefillValues(v.content, sources), from: bundle.prefilledFrom }
      : await prefillItem(tx, pii, v, sources, 'online');
    const c = await insertDraft(tx, pii, {
      version: v,
      applicant: acting
        ? { kind: 'enterprise', enterpriseId: acting.enterpriseId, name: acting.name, agentPersonId: person.id }
        : { kind: 'person', personId: person.id, name: person.name },
      ownerPersonId: person.id,
      formData: { ...prefill.values, ...(input.formData ?? {}) },
      // a member's form is the bundle's: its library values come typed, with their sources
      prefilledFrom: bundle ? prefill.from : untypedSources(prefill.from, input.formData),
      idempotencyKey: input.idempotencyKey,
      channel: 'online',
    });
    if (!c) {
      // a concurrent request with the same key won the insert
      return { created: false, case: applicantView(pii, (await caseByIdempotencyKey(tx, person.id, input.idempotencyKey!))!) };
    }
    await recordTransition(tx, pii, actor, c, { kind: 'draft_created' });
    return { created: true, case: applicantView(pii, c) };
  });
}

export const caseByIdempotencyKey = (q: Queryable, ownerPersonId: string, key: string) =>
  q.one<CaseRow>(`select ${CASE_COLUMNS} from case_record c where c.owner_person_id = $1 and c.idempotency_key = $2`, [ownerPersonId, key]);

export interface NewDraft {
  version: PublishedVersion;
  applicant: { kind: 'person'; personId: string; name: string } | { kind: 'enterprise'; enterpriseId: string; name: string; agentPersonId: string | null };
  /** Whose "my cases" list shows it: the applicant person, or the person acting for the enterprise. */
  ownerPersonId: string;
  formData: Record<string, unknown>;
  /** form fields filled from a base library, with their source */
  prefilledFrom?: Record<string, PrefilledFrom>;
  idempotencyKey?: string;
  channel: 'online' | 'window';
}

/**
 * The draft row bound to the item's published version, for every channel. Undefined when the
 * owner already has a case with this idempotency key (a concurrent request won the insert).
 */
export async function insertDraft(tx: Tx, pii: PersonalData, d: NewDraft): Promise<CaseRow | undefined> {
  const v = d.version;
  const form = sealForm(pii, declaredKinds(v.content.form), d.formData);
  const kind = caseTypeOf(v.content);
  const a = d.applicant;
  const id = uuidv7();
  const inserted = await tx.one<CaseRow>(
    `insert into case_record (id, status, item_id, item_version_id, item_code, item_name, case_type, region_code, department_id,
       applicant_kind, applicant_person_id, applicant_enterprise_id, applicant_name, agent_person_id, owner_person_id, form_data, steps,
       promised_days, statutory_days, idempotency_key, channel, form_pii, prefilled_from)
     values ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     on conflict (owner_person_id, idempotency_key) do nothing
     returning id`,
    [
      id, v.itemId, v.versionId, v.code, v.name, kind.caseType, v.regionCode, v.departmentId,
      a.kind, a.kind === 'person' ? a.personId : null, a.kind === 'enterprise' ? a.enterpriseId : null, a.name,
      a.kind === 'enterprise' ? a.agentPersonId : null, d.ownerPersonId, JSON.stringify(form.form_data), JSON.stringify(stepsFor(v.content)),
      kind.promised, kind.statutory, d.idempotencyKey ?? null, d.channel, JSON.stringify(form.form_pii), JSON.stringify(d.prefilledFrom ?? {}),
    ],
  );
  return inserted ? loadCase(tx, id) : undefined;
}

export async function saveDraft(ctx: AppContext, actor: Actor, id: string, input: { formData: Record<string, unknown>; version: number }): Promise<CaseView> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const c = await ownCase(tx, actor, id);
    if (c.status !== 'draft' && c.status !== 'correction') throw conflict('CASE_NOT_EDITABLE', { status: c.status });
    checkVersion(c, input.version);
    const v = await getVersionById(tx, c.item_version_id);
    return applicantView(pii, await updateCase(tx, c, { ...sealForm(pii, declaredKinds(v?.content.form), input.formData, c) }));
  });
}

/**
 * The materials at submission: the required ones still missing, and — 免提交 — the base-library
 * keys of those a library holds for the applicant, read now for this case (which writes the use
 * to the applicant's ledger, kind `material`).
 */
async function checkMaterials(tx: Tx, pii: PersonalData, c: CaseRow, v: PublishedVersion): Promise<void> {
  const statuses = await materialStatuses(tx, pii, c, v.content);
  const missing = statuses.filter((m) => m.demanded).map(({ key, name }) => ({ key, name }));
  if (missing.length) throw unprocessable('MATERIALS_MISSING', { count: missing.length }, { materials: missing });
  const fromLibraries = new Set(statuses.filter((m) => m.fetched?.dataSource && !m.uploaded).map((m) => m.key));
  const keys = [...new Set((v.content.materials ?? []).flatMap((m, i) => (m.replacedByBaseField && fromLibraries.has(materialKeyOf(m, i)) ? [m.replacedByBaseField] : [])))];
  if (keys.length) await libraryValues(tx, pii, { keys, ...(await caseSubject(tx, c)), kind: 'material', use: await libraryUse(tx, v, '免提交', c.channel) });
}

/** The enterprise authorisation is checked again at submission: it may have expired since sign-in. */
async function recheckAgent(q: Queryable, person: Person, c: CaseRow, v: PublishedVersion): Promise<void> {
  if (c.applicant_kind !== 'enterprise') return;
  const now = person.actingFor ? await actingFor(q, person.id, c.applicant_enterprise_id!) : undefined;
  if (!now) throw new AppError('AGENT_NOT_AUTHORISED', 403);
  checkAgentScope(now, v);
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const queryCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * Submit (申报): the form is checked against the item's schema, required materials must be
 * there, the item's current published version is frozen into the case, and it gets its number.
 * A repeated submit with the same idempotency key answers with the case already submitted.
 */
export async function submitCase(ctx: AppContext, actor: Actor, id: string, input: { version: number; idempotencyKey?: string; commitment?: boolean }): Promise<{ replayed: boolean; case: CaseView }> {
  const person = requirePerson(actor);
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const key = input.idempotencyKey;
    // the key stands for this case, version and commitment; another request with it is a 422
    const claim = key ? await claimKey(tx, person.id, key, 'cases.submit', { case: id, version: input.version, commitment: input.commitment ?? false }) : undefined;
    const c = await ownCase(tx, actor, id);
    if (c.status !== 'draft') {
      // a repeat of the submission that succeeded (or, for keys from before they were claimed, the case's own key)
      if (key && c.number && (claim === 'repeat' || c.idempotency_key === key)) return { replayed: true, case: applicantView(pii, c) };
      throw conflict('CASE_NOT_DRAFT', { status: c.status });
    }
    checkVersion(c, input.version);
    const v = await getPublishedVersion(tx, c.item_id);
    await recheckAgent(tx, person, c, v);
    const updated = await submitDraft(tx, pii, actor, c, v, { idempotencyKey: input.idempotencyKey, commitment: input.commitment });
    return { replayed: false, case: applicantView(pii, updated) };
  });
}

/**
 * The common end of every submission (online, window): form and materials checked against the
 * item's current version, which is frozen into the case with its number, query code and clock.
 * The caller holds the row lock and has checked who may submit.
 */
export async function submitDraft(
  tx: Tx,
  pii: PersonalData,
  actor: Actor,
  c: CaseRow,
  v: PublishedVersion,
  options: { idempotencyKey?: string; details?: Record<string, unknown>; commitment?: boolean } = {},
): Promise<CaseRow> {
  const form = openForm(pii, c);
  validateForm(v.versionId, v.content, form);
  const commitment = signCommitment(v.content, v.name, options.commitment);
  await checkMaterials(tx, pii, c, v);
  const day = today();
  const steps = stepsFor(v.content);
  const kind = caseTypeOf(v.content);
  const sized = { ...c, promised_days: kind.promised, statutory_days: kind.statutory, case_type: kind.caseType };
  const d = await runClock(tx, sized, day, 0);
  // the number last: its counter row is locked until commit, and every submission of the region
  // and day waits for it, so it is taken when everything that may fail has passed
  const number = await nextCaseNumber(tx, c.region_code, day);
  const updated = await updateCase(tx, c, {
    status: 'submitted',
    number,
    query_code: queryCode(),
    item_version_id: v.versionId,
    item_name: v.name,
    case_type: kind.caseType,
    promised_days: kind.promised,
    statutory_days: kind.statutory,
    // the workflow of the version frozen now, which may differ from the draft's
    steps,
    current_step: 0,
    current_roles: steps[0]!.roles,
    idempotency_key: c.idempotency_key ?? options.idempotencyKey ?? null,
    clock_start: day,
    promised_due: d.promisedDue,
    statutory_due: d.statutoryDue,
    deadline_provisional: d.provisional,
    submitted_at: clock.now(),
    commitment,
    // sealed again under the version frozen now, which may declare more fields personal
    ...sealForm(pii, declaredKinds(v.content.form), form, c),
  });
  await recordTransition(tx, pii, actor, updated, { kind: 'submitted', stepKey: null, notify: true, details: { versionId: v.versionId, ...(options.details ?? {}) } });
  return applyInstantApproval(tx, pii, updated, v.content);
}

/**
 * 补正 answered: every material on the correction list has a new file, the form still fits
 * the frozen version; the clock resumes with the paused working days added to the limits.
 */
export async function resubmitCase(ctx: AppContext, actor: Actor, id: string, input: { version: number }): Promise<CaseView> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const c = await ownCase(tx, actor, id);
    if (c.status !== 'correction') throw conflict('CASE_NOT_IN_CORRECTION', { status: c.status });
    checkVersion(c, input.version);
    const v = await getVersionById(tx, c.item_version_id);
    if (v) validateForm(v.versionId, v.content, openForm(pii, c));
    const wanted = (c.correction_items ?? []).map((i) => i.materialKey).filter((k): k is string => Boolean(k));
    const given = new Set(
      (await tx.query<{ k: string }>(`select distinct material_key as k from case_material where case_id = $1 and stage = 'correction'`, [c.id])).map((r) => r.k),
    );
    const missing = wanted.filter((k) => !given.has(k));
    if (missing.length) throw unprocessable('CORRECTION_INCOMPLETE', { count: missing.length }, { materials: missing });
    const resumed = await resumeClock(tx, c);
    const updated = await updateCase(tx, c, { status: 'submitted', current_step: 0, current_roles: c.steps[0]!.roles, ...resumed.fields });
    const paused = resumed.fields.paused_days;
    await recordTransition(tx, pii, actor, updated, { kind: 'resubmitted', notify: true, details: { pausedDays: paused } });
    return applicantView(pii, updated);
  });
}

/**
 * The applicant withdraws (撤回) a submitted case before the decision (`beforeDecision`); after
 * it, e.g. at the payment that follows an approval, the decision stands. A draft is deleted
 * instead (draft-deletion.ts): it never was an application — except a 一件事 member waiting for
 * its step (`bundleMember`), a draft the bundle holds, which goes with the bundle's withdrawal.
 */
export async function withdrawCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; reason?: string },
  options: { bundleMember?: boolean } = {},
): Promise<CaseView> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const c = await ownCase(tx, actor, id);
    if (!beforeDecision(c) && !(options.bundleMember && c.status === 'draft')) throw conflict('CASE_NOT_WITHDRAWABLE', { status: c.status }, { status: c.status, step: c.steps[c.current_step]?.key ?? null });
    checkVersion(c, input.version);
    const updated = await updateCase(tx, c, { status: 'withdrawn', current_roles: [], assignee_id: null, completed_at: clock.now() });
    await recordTransition(tx, pii, actor, updated, { kind: 'withdrawn', opinion: input.reason ?? null, notify: true });
    return applicantView(pii, updated);
  });
}
