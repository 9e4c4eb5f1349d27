import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { validateIdNumber } from '../../kernel/validate/idcard.ts';
import { personView, type PersonView } from './persons.ts';

/** Any general-window clerk may verify: 实名等级 3 is a service of every hall, whatever the person's home region. */
const CLERKS = ['window_clerk'] as const;

/**
 * 实名等级 3: a clerk at a window sees the person and their ID card, finds the account and
 * confirms it by typing the card's number again. The clerk sees the record masked; the typed
 * number must match the stored one, which proves the card in hand belongs to the account.
 */
export async function lookupPersonByIdNumber(ctx: AppContext, actor: Actor, idNumber: string): Promise<PersonView | undefined> {
  requireRole(actor, CLERKS);
  const check = validateIdNumber(idNumber);
  if (!check.ok) throw new AppError('ID_NUMBER_INVALID', 422, { reason: check.reason }, { field: 'idNumber', reason: check.reason });
  const pii = personalData(ctx.config.masterKey);
  const row = await ctx.db.one<{ id: string }>('select id from person where id_number_index = $1', [pii.index(idNumber.toUpperCase())]);
  if (!row) throw notFound('person', 'idNumber');
  return personView(ctx.db, pii, row.id);
}

export async function verifyInPerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { idNumber: string; windowId?: string },
): Promise<PersonView | undefined> {
  const clerk = requireRole(actor, CLERKS);
  const pii = personalData(ctx.config.masterKey);
  await ctx.db.transaction(async (tx) => {
    const person = await tx.one<{ matches: boolean }>('select id_number_index = $2 as matches from person where id = $1 for update', [personId, pii.index(input.idNumber.toUpperCase())]);
    if (!person) throw notFound('person', personId);
    if (!person.matches) throw new AppError('IDENTITY_MISMATCH', 422, {}, { field: 'idNumber' });
    await tx.query("update person set assurance_level = 3, level_source = 'in_person' where id = $1", [personId]);
    await appendAudit(tx, clerk, {
      action: 'person.level_raised',
      objectType: 'person',
      objectId: personId,
      regionCode: clerk.regionCode,
      details: { level: 3, via: 'in_person', windowId: input.windowId ?? null, department: clerk.departmentId },
    });
  });
  return personView(ctx.db, pii, personId);
}
