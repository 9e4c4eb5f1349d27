import type { Static, TSchema } from 'typebox';
import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { callbackTicket, reopenTicket } from './callback.ts';
import { approveExtension, refuseExtension, requestExtension } from './extension.ts';
import { acceptTicket, answerTicket, completeTicket, dispatchTicket, mergeTicket, returnTicket } from './handling.ts';
import * as S from './schemas.ts';
import { requestOnsite } from './onsite.ts';
import { replySupervision, superviseTicket } from './supervision.ts';
import type { Ticket } from './schemas.ts';

type Run<B> = (ctx: AppContext, actor: Actor, id: string, body: B) => Promise<Ticket>;
/** A step's route: the body it takes (the schema checks it) and the service that runs it. */
const route = <T extends TSchema>(body: T, run: Run<Static<T>>) => ({ body, run: run as Run<unknown> });

/**
 * `POST /api/hotline/tickets/:id/<step>`: every step of a ticket after intake, one line each.
 * Who may take it from which status is the service's rule (handling.ts STEPS).
 */
export const STEP_ROUTES = {
  dispatch: route(S.DispatchInput, dispatchTicket),
  answer: route(S.AnswerInput, answerTicket),
  merge: route(S.MergeInput, mergeTicket),
  accept: route(S.Versioned, acceptTicket),
  return: route(S.ReasonInput, returnTicket),
  complete: route(S.ReplyInput, completeTicket),
  'extend-request': route(S.ExtendRequestInput, requestExtension),
  'extend-approve': route(S.NoteInput, approveExtension),
  'extend-refuse': route(S.ReasonInput, refuseExtension),
  supervise: route(S.SuperviseInput, superviseTicket),
  'supervise-reply': route(S.ReplyInput, replySupervision),
  reopen: route(S.ReasonInput, reopenTicket),
  callback: route(S.CallbackInput, callbackTicket),
  onsite: route(S.NoteInput, requestOnsite),
} as const;
