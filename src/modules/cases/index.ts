import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { caseHandlers } from './handlers.ts';
import { registerCaseRoutes } from './routes.ts';

export const casesModule: Module = {
  name: 'cases',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerCaseRoutes,
  eventHandlers: caseHandlers,
};

// For later modules (records export, indicators, window application): read-only views and topics.
export { CLOCK_TOPIC, DEFERRED_REMINDER_TOPIC, deadlines } from './clocks.ts';
export { CASE_STATUSES, DEFAULT_STEPS, type CaseStatus, type Step } from './model.ts';
export { caseIdByNumber, caseRatingSubject, isCaseApplicant, noteCaseSatisfaction, type CaseRatingSubject } from './rating-subject.ts';
export { caseIndicatorInputs, rollUp, type CaseIndicatorInputs, type CaseIndicatorQuery, type CaseIndicatorRow } from './indicators.ts';
export { caseRecords, recordsPage, allRecords, RECORD_FIELDS, type CaseRecords, type RecordsQuery } from './records.ts';
export { departmentStats } from './stats.ts';

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { CaseAction, CaseDetail, CaseList, CaseListRow, CaseMessage, CaseMessages, CaseView, Inbox, MaterialFile, Progress, SpecialRecord, Supervision } from './schemas.ts';
export { BundleCaseDetail, BundleProgress, MyBundles } from './bundle-schemas.ts';
export { ApplicantView, ScanTicket, WindowApplication, WindowForm, WindowRecorded } from './window-schemas.ts';
export { Assignee, CommitmentCheckRow, SupervisableRow } from './workflow-schemas.ts';
export { CaseResults } from './result-schemas.ts';
export { CaseFigures, DepartmentStats } from './report-schemas.ts';
