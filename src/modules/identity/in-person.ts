import { Type } from 'typebox';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { validateIdNumber } from '../../kernel/validate/idcard.ts';
import { personView } from './persons.ts';

/** Any general-window clerk may verify: 实名等级 3 is a service of every hall, whatever the person's home region. */
const CLERKS = ['window_clerk'] as const;

/**
 * 实名等级 3: a clerk at a window sees the person and their ID card, finds the account and
 * confirms it by typing the card's number again. The clerk sees the record masked; the typed
 * number must match the stored one, which proves the card in hand belongs to the account.
 */
export function registerInPersonRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  const pii = personalData(ctx.config.masterKey);
  const IdNumber = Type.String({ minLength: 18, maxLength: 18 });

  app.get('/api/identity/persons/lookup', { schema: { tags: ['identity'], querystring: Type.Object({ idNumber: IdNumber }) } }, async (req) => {
    requireRole(req.actor, CLERKS);
    const check = validateIdNumber(req.query.idNumber);
    if (!check.ok) throw new AppError('ID_NUMBER_INVALID', 422, { reason: check.reason }, { field: 'idNumber', reason: check.reason });
    const row = await db.one<{ id: string }>('select id from person where id_number_index = $1', [pii.index(req.query.idNumber.toUpperCase())]);
    if (!row) throw notFound('person', 'idNumber');
    return personView(db, pii, row.id);
  });

  app.post('/api/identity/persons/:id/verify-in-person', {
    schema: {
      tags: ['identity'],
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      body: Type.Object({ idNumber: IdNumber, windowId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    },
  }, async (req) => {
    const clerk = requireRole(req.actor, CLERKS);
    await db.transaction(async (tx) => {
      const person = await tx.one<{ matches: boolean }>('select id_number_index = $2 as matches from person where id = $1 for update', [req.params.id, pii.index(req.body.idNumber.toUpperCase())]);
      if (!person) throw notFound('person', req.params.id);
      if (!person.matches) throw new AppError('IDENTITY_MISMATCH', 422, {}, { field: 'idNumber' });
      await tx.query("update person set assurance_level = 3, level_source = 'in_person' where id = $1", [req.params.id]);
      await appendAudit(tx, clerk, {
        action: 'person.level_raised',
        objectType: 'person',
        objectId: req.params.id,
        regionCode: clerk.regionCode,
        details: { level: 3, via: 'in_person', windowId: req.body.windowId ?? null, department: clerk.departmentId },
      });
    });
    return personView(db, pii, req.params.id);
  });
}
