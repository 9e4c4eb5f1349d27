import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { findLegalRepAtWindow, verifyLegalRepAtWindow } from './legal-rep-window.ts';
import { LegalRepAtWindow, LegalRepWindowProof } from './schemas.ts';

/** The window's 法定代表人现场核验 (legal-rep-window.ts): find the enterprise, prove its legal representative. */
export function registerLegalRepRoutes(app: HttpApp, ctx: AppContext) {
  app.get('/api/identity/legal-reps', {
    schema: { tags: ['identity'], querystring: Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 18 }) }), response: { 200: LegalRepAtWindow } },
  }, (req) => findLegalRepAtWindow(ctx, req.actor, req.query.uscc));

  app.post('/api/identity/enterprises/:id/legal-rep/verify-in-person', {
    schema: { tags: ['identity'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: LegalRepWindowProof, response: { 200: LegalRepAtWindow } },
  }, (req) => verifyLegalRepAtWindow(ctx, req.actor, req.params.id, req.body));
}
