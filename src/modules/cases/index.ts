import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { caseHandlers } from './workflow/timers.ts';
import { registerCaseRoutes } from './routes.ts';
import { sealLegacyFormsStep } from './application/seal-legacy-forms.ts';

export const casesModule: Module = {
  name: 'cases',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  migrationSteps: [sealLegacyFormsStep],
  routes: registerCaseRoutes,
  events: topicsIn(events),
  eventHandlers: caseHandlers,
};

// Events: one topic per case transition (payload CaseTransitionPayload), those ending a case.
export { CASE_FINAL_TOPICS, CASE_TOPICS, type CaseTransitionPayload, type TransitionKind } from './events.ts';
// For later modules (records export, indicators, window application): read-only views.
export { deadlines } from './workflow/clocks.ts';
export { CASE_STATUSES, DEFAULT_STEPS, type CaseStatus, type Step } from './model.ts';
export { caseIdByNumber, caseRatingSubject, isCaseApplicant, noteCaseSatisfaction, type CaseRatingSubject } from './result/rating-subject.ts';
export { caseIndicatorInputs, readCaseIndicators, rollUp, type CaseIndicatorInputs, type CaseIndicatorQuery, type CaseIndicatorRow } from './reporting/indicators.ts';
export { caseRecords, recordsPage, allRecords, RECORD_FIELDS, type CaseRecords, type RecordsQuery } from './reporting/records.ts';
export { departmentStats } from './reporting/stats.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
