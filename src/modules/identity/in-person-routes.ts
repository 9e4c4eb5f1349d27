import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { lookupPersonByIdNumber, verifyInPerson } from './in-person.ts';

/** The window's 实名等级 3 check (in-person.ts): find the account, confirm the card in hand. */
export function registerInPersonRoutes(app: HttpApp, ctx: AppContext) {
  const IdNumber = Type.String({ minLength: 18, maxLength: 18 });

  app.get('/api/identity/persons/lookup', { schema: { tags: ['identity'], querystring: Type.Object({ idNumber: IdNumber }) } }, (req) =>
    lookupPersonByIdNumber(ctx, req.actor, req.query.idNumber),
  );

  app.post('/api/identity/persons/:id/verify-in-person', {
    schema: {
      tags: ['identity'],
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      body: Type.Object({ idNumber: IdNumber, windowId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    },
  }, (req) => verifyInPerson(ctx, req.actor, req.params.id, req.body));
}
