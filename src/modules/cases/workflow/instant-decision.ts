import { systemActor } from '../../../kernel/actor.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { populationFacts } from '../../identity/index.ts';
import { today } from './clocks.ts';
import { applicantFacts, evaluateInstantRules } from './instant.ts';
import type { CaseRow } from '../model.ts';
import { openForm } from '../personal-form.ts';
import { recordTransition, updateCase } from './transitions.ts';
import * as clock from '../../../kernel/clock.ts';

const INSTANT = systemActor('cases.instant');

/**
 * 秒批 right after submission: when the item is marked for it and every rule holds, the platform
 * accepts and approves in the same transaction and says which rules it checked; otherwise the
 * case goes to the window as usual, with the explanation kept for the clerk, who cannot then
 * complete it at acceptance without an override and its reason (workflow.ts, accept).
 */
export async function applyInstantApproval(tx: Tx, pii: PersonalData, c: CaseRow, content: ItemContent): Promise<CaseRow> {
  const rules = content.instantRules ?? [];
  if (!content.flags?.instantApproval || !rules.length) return c;
  // the applicant's age and 户籍地 as the population base records them, not as the ID number reads
  const population = c.applicant_kind === 'person' && c.applicant_person_id ? await populationFacts(tx, pii, c.applicant_person_id) : undefined;
  const result = evaluateInstantRules(rules, openForm(pii, c), applicantFacts(c.applicant_kind, population, today()));
  const details = { instant: true, rules: result.rules.map((r) => ({ label: r.label, passed: r.passed })) };
  if (!result.approved) {
    const kept = await updateCase(tx, c, { instant_result: result });
    await recordTransition(tx, pii, INSTANT, kept, { kind: 'instant_declined', details });
    return kept;
  }
  const now = clock.now();
  const done = await updateCase(tx, c, {
    instant_result: result,
    status: 'completed',
    outcome: 'approved',
    accepted_at: now,
    completed_at: now,
    current_roles: [],
  });
  // the same event as any approval, so results, licences and ratings follow without a special case
  await recordTransition(tx, pii, INSTANT, done, { kind: 'approved', stepKey: c.steps.at(-1)?.key ?? null, opinion: '秒批：符合全部自动审批规则', details, notify: true });
  return done;
}
