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

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { Dictionary, Figures, Invitation, LinkInvitation, Mine, MyRating, PadCase, PadWindow, RatingContent, RatingView, Report, Settings, TaskDetail, TaskList, TaskRow, TaskView } from './schemas.ts';
export type { GroupBy, Ranked, RatingReport, RatingSettings, TaskAction, TaskStatus } from './schemas.ts';
