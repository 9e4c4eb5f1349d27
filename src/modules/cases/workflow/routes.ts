import { Type } from 'typebox';
import type { AppContext } from '../../../kernel/context.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { commitmentChecks, recordCommitmentCheck } from './commitment.ts';
import { markMessagesRead, myMessages } from '../application/messages.ts';
import { CaseMessages } from '../schemas.ts';
import { replySupervision, superviseCase } from './supervision.ts';
import { CommitmentCheckRow, FormReveal, FormRevealRequest } from './schemas.ts';
import { revealFormField } from './form-reveal.ts';

const tags = ['cases'];
const Id = Type.String({ pattern: UUID_PATTERN });
const Open = { additionalProperties: true } as const;

/** 督办 and 告知承诺制 verification (actions outside the step sequence), and the applicant's messages. */
export function registerWorkflowRoutes(app: HttpApp, ctx: AppContext) {
  // 查看明文: a handler reads one personal form value with a reason (audited)
  app.post('/api/cases/:id/form/reveal', {
    schema: { tags, params: Type.Object({ id: Id }), body: FormRevealRequest, response: { 200: FormReveal } },
  }, (req) => revealFormField(ctx, req.actor, req.params.id, req.body));

  app.post('/api/cases/:id/supervisions', {
    schema: {
      tags,
      params: Type.Object({ id: Id }),
      body: Type.Object(
        { opinion: Type.String({ minLength: 1, maxLength: 2000 }), replyInDays: Type.Integer({ minimum: 1, maximum: 30 }) },
        { additionalProperties: false },
      ),
      response: { 201: Type.Object({ id: Id, replyDue: Type.String() }) },
    },
  }, async (req, reply) => reply.status(201).send(await superviseCase(ctx, req.actor, req.params.id, req.body)));

  app.post('/api/cases/:id/supervisions/:supervisionId/reply', {
    schema: {
      tags,
      params: Type.Object({ id: Id, supervisionId: Id }),
      body: Type.Object({ reply: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ id: Id }) },
    },
  }, (req) => replySupervision(ctx, req.actor, req.params.id, req.params.supervisionId, req.body));

  app.post('/api/cases/:id/commitment-check', {
    schema: {
      tags,
      params: Type.Object({ id: Id }),
      body: Type.Object(
        { result: Type.Union([Type.Literal('kept'), Type.Literal('broken')]), opinion: Type.String({ minLength: 1, maxLength: 2000 }) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ id: Id }, Open) },
    },
  }, (req) => recordCommitmentCheck(ctx, req.actor, req.params.id, req.body));

  app.get('/api/cases/commitment-checks', {
    schema: {
      tags,
      querystring: Type.Object({ open: Type.Optional(Type.Boolean({ default: true })) }),
      response: { 200: Type.Object({ items: Type.Array(CommitmentCheckRow) }) },
    },
  }, async (req) => ({ items: await commitmentChecks(ctx.db, req.actor, req.query.open ?? true) }));

  app.get('/api/cases/messages', {
    schema: {
      tags,
      querystring: Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
      response: { 200: CaseMessages },
    },
  }, (req) => myMessages(ctx.db, req.actor, req.lang, req.query));

  app.post('/api/cases/messages/read', {
    schema: { tags, response: { 200: Type.Object({ readAt: Type.String() }) } },
  }, (req) => markMessagesRead(ctx.db, req.actor));
}
