import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { ratingHandlers } from './handlers.ts';
import { registerRatingRoutes } from './routes.ts';

export const ratingsModule: Module = {
  name: 'ratings',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerRatingRoutes,
  events: topicsIn(events),
  eventHandlers: ratingHandlers,
};

export {
  ratingIndicatorInputs,
  ratingIndicatorsByCounty,
  ratingIndicatorsByCountyAndDepartment,
  type RatingIndicatorInputs,
} from './indicators.ts';
// Events: a case rated (the timers and the escalation alert stay inside).
export { RATED, type Rated } from './events.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
