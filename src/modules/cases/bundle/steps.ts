import { systemActor, type Actor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { actingFor, personView } from '../../identity/index.ts';
import { submitCase } from '../application/applications.ts';
import { BUNDLE_COLUMNS, inSavepoint, memberCases, membersOf, recordBundleEvent, withinTransaction, type BundleCaseRow } from './store.ts';
import { FINAL_STATUSES } from '../model.ts';
import { recordTransition, updateCase } from '../workflow/transitions.ts';
import * as clock from '../../../kernel/clock.ts';

/**
 * 一件事 steps: the catalogue orders a bundle's members in steps (members of one step run in
 * parallel). A later step's members wait as drafts and start when every member of the earlier
 * steps is final, all approved; if one was not, the later members are stopped, since they build
 * on the earlier results. Driven by the members' final events; re-running changes nothing.
 */

const BUNDLE = systemActor('cases.bundle');

/**
 * The applicant on whose one submission the bundle's later members are submitted; the enterprise
 * authorisation is looked up again, as a submission at this moment would.
 */
async function applicantOf(ctx: AppContext, tx: Tx, b: BundleCaseRow): Promise<Actor | undefined> {
  const person = await personView(tx, personalData(ctx.config.masterKey), b.owner_person_id);
  if (!person) return undefined;
  if (b.applicant_kind === 'person') return { kind: 'person', id: person.id, name: person.name };
  const acting = await actingFor(tx, person.id, b.applicant_enterprise_id!);
  return acting ? { kind: 'person', id: person.id, name: person.name, actingFor: acting } : undefined;
}

export async function advanceBundle(ctx: AppContext, tx: Tx, bundleCaseId: string): Promise<void> {
  // the bundle row's lock orders two members finishing at once: the second sees the first's result
  const b = await tx.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.id = $1 for update`, [bundleCaseId]);
  if (!b || b.state !== 'submitted') return;
  const cases = await memberCases(tx, await membersOf(tx, b.id));
  const waiting = cases.filter(({ c }) => c.status === 'draft');
  if (!waiting.length) return;
  const next = Math.min(...waiting.map(({ member }) => member.step));
  const earlier = cases.filter(({ member }) => member.step < next);
  if (earlier.some(({ c }) => !FINAL_STATUSES.includes(c.status))) return;

  if (!earlier.every(({ c }) => c.status === 'completed' && c.outcome === 'approved')) {
    const pii = personalData(ctx.config.masterKey);
    for (const { c } of waiting) {
      const stopped = await updateCase(tx, c, { status: 'withdrawn', completed_at: clock.now() });
      await recordTransition(tx, pii, BUNDLE, stopped, { kind: 'bundle_stopped', details: { bundleCaseId: b.id, step: next } });
    }
    await recordBundleEvent(tx, BUNDLE, b, 'stopped', { step: next, members: waiting.map(({ member }) => member.itemCode) });
    return;
  }
  const starting = waiting.filter(({ member }) => member.step === next);
  const applicant = await applicantOf(ctx, tx, b);
  const inner = withinTransaction(ctx, tx);
  const started: string[] = [];
  for (const { member, c } of starting) {
    try {
      if (!applicant) throw new AppError('AGENT_NOT_AUTHORISED', 403);
      await inSavepoint(tx, () => submitCase(inner, applicant, c.id, { version: c.version, commitment: b.commitment_signed }));
      started.push(member.itemCode);
    } catch (err) {
      // the member stays a draft the applicant can see and submit; the bundle records why
      if (!(err instanceof AppError)) throw err;
      await recordBundleEvent(tx, BUNDLE, b, 'step_start_failed', { step: next, member: member.itemCode, code: err.code });
    }
  }
  if (started.length) await recordBundleEvent(tx, BUNDLE, b, 'step_started', { step: next, members: started });
}
