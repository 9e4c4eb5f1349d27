import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Static } from 'typebox';
import { createFeeNotice } from './notices.ts';
import type { Notice } from './schemas.ts';
import { audited } from './refusals.ts';
import type { NoticeCreate } from './schemas.ts';

/**
 * A fee notice staff issue by hand (a fee outside the case flow), for a collecting unit their
 * write grant covers. Refused money input is audited like every other refusal.
 */
export function issueManualNotice(ctx: AppContext, actor: Actor, input: Static<typeof NoticeCreate>): Promise<Notice> {
  return audited(ctx.db, actor, 'payment.notice.refused', () =>
    createFeeNotice(
      ctx,
      {
        payer: { personId: input.payerPersonId ?? null, enterpriseId: input.payerEnterpriseId ?? null, name: input.payerName },
        collectingUnit: input.departmentId,
        itemCode: input.itemCode,
        dueDate: input.dueDate,
        lines: input.lines,
      },
      { actor },
    ),
  );
}
