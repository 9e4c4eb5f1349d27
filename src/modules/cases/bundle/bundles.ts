import type { Actor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { conflict, unprocessable } from '../../../kernel/errors.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { personalData, type PersonalData } from '../../../kernel/pii.ts';
import { beforeDecision } from '../application/applicant-actions.ts';
import { createDraft, prefillSources, queryCode, requirePerson, resubmitCase, saveDraft, submitCase, withdrawCase } from '../application/applications.ts';
import { announceBundle } from './notices.ts';
import { chooseMembers, inBundleTerms, memberForm, mergedValues, personalKindsOf, planFor, type BundlePlan } from './plan.ts';
import { openForm, sealForm } from '../personal-form.ts';
import {
  BUNDLE_COLUMNS,
  checkBundleVersion,
  inSavepoint,
  memberCases,
  membersOf,
  ownBundle,
  recordBundleEvent,
  updateBundleCase,
  withinTransaction,
  type BundleCaseRow,
} from './store.ts';
import { today } from '../workflow/clocks.ts';
import { prefilledFrom, prefillValues, untypedSources, type PrefillSources } from '../application/form.ts';
import { bundleLibraryUse, fillFromLibraries } from '../application/library-use.ts';
import type { PrefilledFrom } from '../model.ts';
import { nextCaseNumber } from '../application/numbering.ts';
import { checkMaterial, cleanFileName } from '../application/uploads.ts';
import * as clock from '../../../kernel/clock.ts';
import { checkKey, claimKey } from '../application/idempotency.ts';

/**
 * 一件事 applications: one draft with the merged form and each material uploaded once; on
 * submission one member case per item through the ordinary cases services (same form and
 * material checks, number, clock, timeline), all in one transaction with the bundle case.
 */

export interface BundleDraftInput {
  bundle: string;
  optionalItems?: string[];
  formData?: Record<string, unknown>;
  idempotencyKey?: string;
}

async function byKey(q: Queryable, ownerId: string, key: string): Promise<BundleCaseRow | undefined> {
  return q.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.owner_person_id = $1 and b.idempotency_key = $2`, [ownerId, key]);
}

/**
 * The merged form as the platform fills it (免填报): the identity's values and the base libraries',
 * read once for every member — one entry per library in the applicant's ledger, not one per
 * member — and which merged field came from which resource. What the applicant typed stays.
 */
async function prefillBundle(tx: Tx, pii: PersonalData, bundle: { name: string; leadDepartmentId: string | null }, plan: BundlePlan, sources: PrefillSources, typed: Record<string, unknown>) {
  const versions = plan.members.map((m) => m.version);
  const library = await fillFromLibraries(tx, pii, versions.map((v) => v.content), sources, () => bundleLibraryUse(tx, bundle, versions));
  const form: Record<string, unknown> = { ...typed };
  const from: Record<string, PrefilledFrom> = {};
  for (const m of plan.members) {
    mergedValues(plan, m.position, prefillValues(m.version.content, { ...sources, library }), form);
    mergedValues(plan, m.position, prefilledFrom(m.version.content, library), from);
  }
  return { form, from: untypedSources(from, typed) };
}

/** Starts a bundle application: the merged form prefilled from the identity and the base libraries, the same key giving the same draft. */
export async function createBundleDraft(ctx: AppContext, actor: Actor, input: BundleDraftInput): Promise<{ created: boolean; id: string }> {
  const person = requirePerson(actor);
  const pii = personalData(ctx.config.masterKey);
  const acting = person.actingFor;
  // the key stands for this bundle, choice of optional items, form and enterprise: another request with it is a 422
  const request = { bundle: input.bundle, optionalItems: input.optionalItems ?? [], formData: input.formData ?? {}, actingFor: acting?.enterpriseId ?? null };
  if (input.idempotencyKey) {
    const existing = await byKey(ctx.db, person.id, input.idempotencyKey);
    if (existing) {
      await checkKey(ctx.db, person.id, input.idempotencyKey, 'cases.bundle_draft', request);
      return { created: false, id: existing.id };
    }
  }
  const { bundle, members } = await chooseMembers(ctx.db, actor, input.bundle, input.optionalItems ?? []);
  // 一件事 for enterprises are applied for while acting for one; those for persons as oneself
  if ((bundle.audience === 'entity') !== Boolean(acting))
    throw unprocessable('APPLICANT_KIND_NOT_SERVED', {}, { applicant: acting ? 'enterprise' : 'person', audience: bundle.audience });
  const plan = await planFor(ctx.db, members);
  const sources = await prefillSources(ctx, person);
  return ctx.db.transaction(async (tx) => {
    if (input.idempotencyKey && (await claimKey(tx, person.id, input.idempotencyKey, 'cases.bundle_draft', request)) === 'repeat')
      return { created: false, id: (await byKey(tx, person.id, input.idempotencyKey))!.id };
    const prefill = await prefillBundle(tx, pii, bundle, plan, sources, input.formData ?? {});
    const sealed = sealForm(pii, personalKindsOf(plan), prefill.form);
    const id = uuidv7();
    const inserted = await tx.one<{ id: string }>(
      `insert into case_bundle (id, state, bundle_id, bundle_code, bundle_name, region_code, lead_department_id, applicant_kind,
         applicant_enterprise_id, applicant_name, owner_person_id, form_data, idempotency_key, form_pii, prefilled_from)
       values ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       on conflict (owner_person_id, idempotency_key) do nothing returning id`,
      [
        id, bundle.id, bundle.code, bundle.name, bundle.regionCode, bundle.leadDepartmentId, acting ? 'enterprise' : 'person',
        acting?.enterpriseId ?? null, acting ? acting.name : person.name, person.id, JSON.stringify(sealed.form_data), input.idempotencyKey ?? null,
        JSON.stringify(sealed.form_pii), JSON.stringify(prefill.from),
      ],
    );
    // a concurrent request with the same key won the insert
    if (!inserted) return { created: false, id: (await byKey(tx, person.id, input.idempotencyKey!))!.id };
    for (const m of members)
      await tx.query(
        `insert into case_bundle_member (bundle_case_id, position, item_id, item_code, item_name, step, optional) values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, m.position, m.itemId, m.itemCode, m.itemName, m.step, m.optional],
      );
    const b = (await tx.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.id = $1`, [id]))!;
    await recordBundleEvent(tx, actor, b, 'draft_created', { members: members.map((m) => m.itemCode) });
    return { created: true, id };
  });
}

/**
 * The members answering a 补正 now, locked, and the plan of the versions frozen into their cases;
 * a conflict with `code` when no member is in correction.
 */
async function correctionScope(tx: Tx, b: BundleCaseRow, code: string) {
  const members = await membersOf(tx, b.id);
  const cases = await memberCases(tx, members);
  const open = cases.filter(({ c }) => c.status === 'correction');
  if (!open.length) throw conflict(code, { status: b.state });
  // members of a later step, not yet started: they will be submitted with the corrected form too
  const waiting = cases.filter(({ c }) => c.status === 'draft');
  return { open, waiting, plan: await planFor(tx, members, new Map(cases.map(({ member, c }) => [member.position, c.item_version_id]))) };
}

/**
 * Saves the merged form. A draft keeps it; during a 补正 each member in correction (and each one
 * waiting for its step) receives its own fields; members already decided or in review are not touched.
 */
export async function saveBundleForm(ctx: AppContext, actor: Actor, id: string, input: { formData: Record<string, unknown>; version: number }): Promise<void> {
  const pii = personalData(ctx.config.masterKey);
  await ctx.db.transaction(async (tx) => {
    const b = await ownBundle(tx, actor, id);
    checkBundleVersion(b, input.version);
    if (b.state !== 'draft' && b.state !== 'submitted') throw conflict('CASE_BUNDLE_NOT_EDITABLE', { status: b.state });
    const scope = b.state === 'submitted' ? await correctionScope(tx, b, 'CASE_BUNDLE_NOT_EDITABLE') : undefined;
    const plan = scope?.plan ?? (await planFor(tx, await membersOf(tx, b.id)));
    // masked values the page sends back stand for the stored ones, so members receive the clear form
    const sealed = sealForm(pii, personalKindsOf(plan), input.formData, b);
    if (scope) {
      const inner = withinTransaction(ctx, tx);
      const bundleForm = openForm(pii, sealed);
      for (const { member, c } of [...scope.open, ...scope.waiting]) {
        const formData = { ...openForm(pii, c), ...memberForm(plan, member.position, bundleForm) };
        await saveDraft(inner, actor, c.id, { formData, version: c.version });
      }
    }
    await updateBundleCase(tx, b, { ...sealed });
  });
}

async function attachFile(
  tx: Tx,
  caseId: string,
  materialKey: string,
  f: { file_key: string; file_name: string; mime: string; size: number; sm3: string; uploaded_by: string | null },
  stage: 'draft' | 'correction',
) {
  await tx.query(
    `insert into case_material (id, case_id, material_key, file_key, file_name, mime, size, sm3, stage, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [uuidv7(), caseId, materialKey, f.file_key, f.file_name, f.mime, f.size, f.sm3.trim(), stage, f.uploaded_by],
  );
}

/**
 * One upload for a merged material. In a draft it waits in the bundle; during a 补正 each member
 * in correction that needs the material receives the same stored file at once.
 */
export async function uploadBundleMaterial(ctx: AppContext, actor: Actor, id: string, key: string, fileName: string | undefined, content: Buffer): Promise<{ id: string }> {
  const mime = checkMaterial(content);
  const person = requirePerson(actor);
  // refuse unknown keys and closed bundles before anything reaches the file store
  await ctx.db.transaction((tx) => uploadTargets(tx, actor, id, key));
  const stored = await ctx.files.put(content, { prefix: 'cases' });
  return ctx.db.transaction(async (tx) => {
    const { b, targets } = await uploadTargets(tx, actor, id, key);
    const row = { file_key: stored.key, file_name: cleanFileName(fileName, mime), mime, size: stored.size, sm3: stored.sm3, uploaded_by: person.id };
    const stage = b.state === 'draft' ? 'draft' : 'correction';
    const fileId = uuidv7();
    await tx.query(
      `insert into case_bundle_file (id, bundle_case_id, material_key, file_key, file_name, mime, size, sm3, stage, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [fileId, b.id, key, row.file_key, row.file_name, row.mime, row.size, row.sm3, stage, row.uploaded_by],
    );
    for (const t of targets) await attachFile(tx, t.caseId, t.materialKey, row, 'correction');
    return { id: fileId };
  });
}

/** Which member cases an upload for this key reaches now (none in a draft), or why it may not be made. */
async function uploadTargets(tx: Tx, actor: Actor, id: string, key: string) {
  const b = await ownBundle(tx, actor, id);
  if (b.state === 'draft') {
    const plan = await planFor(tx, await membersOf(tx, b.id));
    if (!plan.materials.some((m) => m.key === key)) throw unprocessable('MATERIAL_UNKNOWN', { key }, { materialKey: key });
    return { b, targets: [] };
  }
  if (b.state !== 'submitted') throw conflict('CASE_BUNDLE_NOT_EDITABLE', { status: b.state });
  const { open, plan } = await correctionScope(tx, b, 'CASE_BUNDLE_NOT_EDITABLE');
  const material = plan.materials.find((m) => m.key === key);
  if (!material) throw unprocessable('MATERIAL_UNKNOWN', { key }, { materialKey: key });
  const caseAt = new Map(open.map(({ member, c }) => [member.position, c.id]));
  const targets = material.neededBy.filter((n) => caseAt.has(n.position)).map((n) => ({ caseId: caseAt.get(n.position)!, materialKey: n.materialKey }));
  if (!targets.length) throw conflict('CASE_BUNDLE_MATERIAL_NOT_ASKED', { key }, { materialKey: key });
  return { b, targets };
}

/**
 * A member of a later step is checked now exactly as its submission will check it (form,
 * materials, agent scope), then put back to its draft: the applicant learns of a problem at once,
 * not when the earlier steps complete.
 */
const checkSubmittable = (ctx: AppContext, tx: Tx, actor: Actor, c: { id: string; version: number }, commitment?: boolean) =>
  inSavepoint(tx, () => submitCase(ctx, actor, c.id, { version: c.version, commitment }), false);

/**
 * Submit (申报) the bundle: for each member a case is drafted with its part of the merged form
 * and given the files of the materials it needs. The members of the first catalogue step are
 * submitted by the ordinary path at once (in parallel, each in its department's inbox); those of
 * later steps stay drafts until the earlier steps are final (bundle-steps.ts). Any member failing
 * (form, materials, agent scope) rolls back every one of them, and the error names the member.
 * The same idempotency key answers with the bundle as submitted.
 */
export async function submitBundle(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; idempotencyKey?: string; commitment?: boolean },
): Promise<{ replayed: boolean }> {
  const person = requirePerson(actor);
  return ctx.db.transaction(async (tx) => {
    const key = input.idempotencyKey;
    // the key stands for this bundle case, version and commitment; another request with it is a 422
    const claim = key ? await claimKey(tx, person.id, key, 'cases.bundle_submit', { bundleCase: id, version: input.version, commitment: input.commitment ?? false }) : undefined;
    const b = await ownBundle(tx, actor, id);
    if (b.state !== 'draft') {
      // a repeat of the submission that succeeded (or, for keys from before they were claimed, the bundle's own key)
      if (key && b.number && (claim === 'repeat' || b.idempotency_key === key)) return { replayed: true };
      throw conflict('CASE_BUNDLE_NOT_DRAFT', { status: b.state });
    }
    checkBundleVersion(b, input.version);
    const members = await membersOf(tx, b.id);
    const plan = await planFor(tx, members);
    const files = await tx.query<{ material_key: string; file_key: string; file_name: string; mime: string; size: number; sm3: string; uploaded_by: string | null }>(
      `select material_key, file_key, file_name, mime, size, sm3, uploaded_by from case_bundle_file where bundle_case_id = $1 order by uploaded_at, id`,
      [b.id],
    );
    const inner = withinTransaction(ctx, tx);
    const bundleForm = openForm(personalData(ctx.config.masterKey), b);
    const first = Math.min(...plan.members.map((m) => m.step));
    for (const m of plan.members) {
      try {
        // the libraries were read once, for the bundle's draft: the member takes the values and their sources
        const filled = b.prefilled_from ? { prefilledFrom: memberForm(plan, m.position, b.prefilled_from) } : undefined;
        const draft = await createDraft(inner, actor, { item: m.itemId, formData: memberForm(plan, m.position, bundleForm) }, filled);
        // linked before its submission, so the member sends no SMS of its own (the bundle tells the applicant)
        await tx.query(`update case_bundle_member set case_id = $3 where bundle_case_id = $1 and position = $2`, [b.id, m.position, draft.case.id]);
        for (const mat of plan.materials)
          for (const need of mat.neededBy.filter((n) => n.position === m.position))
            for (const f of files.filter((x) => x.material_key === mat.key)) await attachFile(tx, draft.case.id, need.materialKey, f, 'draft');
        // one signature covers every member item that works by commitment (告知承诺制)
        if (m.step === first) await submitCase(inner, actor, draft.case.id, { version: draft.case.version, commitment: input.commitment });
        else await checkSubmittable(inner, tx, actor, draft.case, input.commitment);
      } catch (err) {
        throw inBundleTerms(err, plan, m);
      }
    }
    const updated = await updateBundleCase(tx, b, {
      state: 'submitted',
      number: await nextCaseNumber(tx, b.region_code, today()),
      query_code: queryCode(),
      idempotency_key: b.idempotency_key ?? input.idempotencyKey ?? null,
      submitted_at: clock.now(),
      commitment_signed: input.commitment === true,
    });
    await recordBundleEvent(tx, actor, updated, 'submitted', { members: plan.members.map((m) => m.itemCode) });
    await announceBundle(tx, personalData(ctx.config.masterKey), updated);
    return { replayed: false };
  });
}

/** 补正 answered once in the bundle view: every member in correction resubmits with what it asked for. */
export async function resubmitBundle(ctx: AppContext, actor: Actor, id: string, input: { version: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const b = await ownBundle(tx, actor, id);
    checkBundleVersion(b, input.version);
    const { open, plan } = await correctionScope(tx, b, 'CASE_BUNDLE_NOT_IN_CORRECTION');
    const inner = withinTransaction(ctx, tx);
    for (const { member, c } of open) {
      try {
        await resubmitCase(inner, actor, c.id, { version: c.version });
      } catch (err) {
        throw inBundleTerms(err, plan, member);
      }
    }
    const updated = await updateBundleCase(tx, b, {});
    await recordBundleEvent(tx, actor, updated, 'resubmitted', { members: open.map(({ member }) => member.itemCode) });
  });
}

/**
 * Withdraws (撤回) the draft, or every member not yet decided (waiting for its step, or before its
 * decision); decided members keep their result, also one still to be paid for.
 */
export async function withdrawBundle(ctx: AppContext, actor: Actor, id: string, input: { version: number; reason?: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const b = await ownBundle(tx, actor, id);
    checkBundleVersion(b, input.version);
    let withdrawn: string[] = [];
    if (b.state === 'submitted') {
      const open = (await memberCases(tx, await membersOf(tx, b.id))).filter(({ c }) => c.status === 'draft' || beforeDecision(c));
      if (!open.length) throw conflict('CASE_BUNDLE_NOT_WITHDRAWABLE', { status: 'completed' });
      const inner = withinTransaction(ctx, tx);
      for (const { c } of open) await withdrawCase(inner, actor, c.id, { version: c.version, reason: input.reason }, { bundleMember: true });
      withdrawn = open.map(({ member }) => member.itemCode);
    } else if (b.state !== 'draft') throw conflict('CASE_BUNDLE_NOT_WITHDRAWABLE', { status: b.state });
    const updated = await updateBundleCase(tx, b, b.state === 'draft' ? { state: 'withdrawn' } : {});
    await recordBundleEvent(tx, actor, updated, 'withdrawn', { members: withdrawn, reason: input.reason ?? null });
    await announceBundle(tx, personalData(ctx.config.masterKey), updated);
  });
}
