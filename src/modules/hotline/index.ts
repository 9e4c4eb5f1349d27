import { fileURLToPath } from 'node:url';
import { on, topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import { recordOverdue } from './deadlines.ts';
import * as events from './events.ts';
import { DEADLINE_DUE } from './events.ts';
import { registerHotlineRoutes } from './routes.ts';
import { smsIntakeHandler } from './sms.ts';

export const hotlineModule: Module = {
  name: 'hotline',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerHotlineRoutes,
  events: topicsIn(events),
  eventHandlers: (ctx) => [
    // the deadline timers: an overdue 签收 or 办结 recorded once and told to the department
    on(DEADLINE_DUE, (event, tx) => recordOverdue(tx, event.payload)),
    // texts to 12345's SMS number become tickets
    smsIntakeHandler(ctx),
  ],
};

export { createTicket } from './tickets.ts';
export { acceptTicket, answerTicket, completeTicket, dispatchTicket, mergeTicket, returnTicket } from './handling.ts';
export { approveExtension, refuseExtension, requestExtension } from './extension.ts';
export { replySupervision, superviseTicket } from './supervision.ts';
export { callbackTicket, reopenTicket } from './callback.ts';
// the SMS survey: the ratings module reads every SMS reply and hands on those answering a 12345 survey
export { answerSurveyReply, latestHotlineSurvey } from './sms-survey.ts';
export { hotlineRates, type HotlineRates, type HotlineRatesQuery, type RatePart } from './rates.ts';
export { HOTLINE_SMS_NUMBER } from './sms.ts';
// The knowledge base: the seed writes articles through its services; 智能问答 answers from
// searchKnowledge (scores 0–1, comparable between articles and guides, for a confidence
// threshold); the classifier trains on knowledgeCorpus.
export { createArticle, publishArticle, updateArticle } from './knowledge.ts';
export { searchKnowledge, knowledgeCorpus } from './knowledge-search.ts';
export { seedHotlineCatalogue, type CategorySeed } from './seed.ts';
// The seed retrains the dispatch classifier once the demo day's tickets are finished.
export { retrain as retrainClassifier } from './classifier-train.ts';
// Events: a 回访 result (the ratings module's 12345 channel); the deadline timers stay inside.
export { CALLBACK_RECORDED, type CallbackRecorded } from './events.ts';
// The hand-off to city governance (issue #17 consumes it): a ticket that needs on-site work.
export { ONSITE_REQUESTED, type OnsiteRequested } from './events.ts';
export { requestOnsite } from './onsite.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
