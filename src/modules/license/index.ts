import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { licenceHandlers } from './revocation.ts';
import { registerLicenceRoutes } from './routes.ts';

export const licenseModule: Module = {
  name: 'license',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerLicenceRoutes,
  eventHandlers: licenceHandlers,
};

export { LICENCE_STATUSES, OPERATIONS, STATUS_NAMES, OPERATION_NAMES } from './codes.ts';
export type { LicenceStatus, Operation, Verdict } from './codes.ts';
export { buildLicenceId, isValidLicenceId, mod3736CheckChar, parseLicenceId } from './identifier.ts';
export type { LicenceIdParts, ParsedLicenceId } from './identifier.ts';
export { issueLicence, reissueLicence } from './issue.ts';
export { seedDemoLicences, type DemoLicenceType } from './demo.ts';
export { heldValidLicence, isCaseLicenceOperation, issueCaseLicence, type CaseLicence, type CaseLicenceInput, type CaseLicenceOperation, type HolderRef } from './case-issue.ts';
export type { HolderInput, IssueInput } from './issue.ts';
export { licenceStats, listHolderLicences } from './service.ts';
// The guide and the application name the e-licence that replaces a material (免证办).
export { licenceTypeNames } from './type-names.ts';
export type { LicenceView } from './store.ts';
export { recordLicenceUse, verifyByIdentifier } from './verify.ts';
export { feedWholeLicenceLibrary } from './library.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
