import { systemActor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { on, type Subscription } from '../../kernel/events/index.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import { CASE_TOPICS } from '../cases/index.ts';
import { applyStatusInTx } from './operations.ts';
import type { LicenceRow } from './store.ts';

/** Who withdraws a licence when its case's commitment proves false: the platform, on the department's finding. */
export const REVOCATION_ACTOR = systemActor('license.commitment');

/**
 * 告知承诺制: the verification found the commitment false, so the approval is withdrawn and the
 * licences it produced become 撤销 (03, operation 05) — those the case issued and any later
 * version of them (a 延续 or 变更 carries the same serial), while still 有效 or 暂扣. Runs in the
 * event's transaction; a second delivery finds nothing left in force and writes nothing.
 */
export async function revokeCaseLicences(ctx: AppContext, tx: Tx, caseId: string, opinion: string | null): Promise<string[]> {
  const rows = await tx.query(
    `select l.* from licence l
      where l.status in ('01', '02')
        and exists (select 1 from licence o
                     where o.case_id = $1 and o.source = 'case'
                       and o.type_id = l.type_id and o.issuer_department_id = l.issuer_department_id
                       and o.serial = l.serial and l.version_no >= o.version_no)
      order by l.version_no
      for update`,
    [caseId],
  );
  const reason = opinion ? `告知承诺不实：${opinion}` : '告知承诺不实';
  const revoked: string[] = [];
  for (const row of rows) {
    const l = camelRow<LicenceRow>(row);
    await applyStatusInTx(ctx, tx, REVOCATION_ACTOR, l, { operation: '05', status: '03', reason, version: l.version });
    revoked.push(l.identifier);
  }
  return revoked;
}

/** The cases module's `cases.commitment_broken`, imported from its contract so a rename there reaches here. */
export function licenceHandlers(ctx: AppContext): Subscription[] {
  return [
    on(CASE_TOPICS.commitment_broken, async (event, tx) => {
      const { caseId, opinion } = event.payload;
      // the opinion is the verifier's finding, recorded with the case's commitment_broken transition
      await revokeCaseLicences(ctx, tx, caseId, opinion);
    }),
  ];
}
