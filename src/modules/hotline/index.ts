import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerHotlineRoutes } from './routes.ts';
import { smsIntakeHandler } from './sms.ts';

export const hotlineModule: Module = {
  name: 'hotline',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerHotlineRoutes,
  // texts to 12345's SMS number become tickets
  eventHandlers: (ctx) => [smsIntakeHandler(ctx)],
};

export { createTicket } from './tickets.ts';
export { acceptTicket, answerTicket, completeTicket, dispatchTicket, mergeTicket } from './handling.ts';
export { HOTLINE_SMS_NUMBER } from './sms.ts';
export { seedHotlineCatalogue, type CategorySeed } from './seed.ts';
// The seed retrains the dispatch classifier once the demo day's tickets are finished.
export { retrain as retrainClassifier } from './classifier-train.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
