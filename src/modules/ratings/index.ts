import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { ratingHandlers } from './handlers.ts';
import { registerRatingRoutes } from './routes.ts';

export const ratingsModule: Module = {
  name: 'ratings',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerRatingRoutes,
  eventHandlers: ratingHandlers,
};

export { ratingIndicatorInputs, type RatingIndicatorInputs } from './indicators.ts';
export { RATED_TOPIC } from './ratings.ts';
export { ESCALATED_TOPIC } from './tasks.ts';
