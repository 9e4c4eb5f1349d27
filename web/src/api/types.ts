/**
 * API shapes the whole web app uses. Each is the type of the server's own route schema, imported
 * type-only (erased by Vite, so nothing of the server is bundled); see web/README.md.
 */
export type { Role as RoleCode } from '../../../src/kernel/api.ts';
export type { PageResult as Page } from '../../../src/kernel/api.ts';
export type { EnterpriseActing as ActingFor, User } from '../../../src/modules/identity/api.ts';
export type { CodeName, Department, Hall, Kiosk, OrgStats, Region, RoleGrant, ServiceWindow, Staff } from '../../../src/modules/org/api.ts';
export type {
  CalendarDay,
  CalendarDaySet,
  CalendarImportResult,
  CalendarStatus,
  CalendarYear,
  CalendarYearStatus,
  NodeConfig as PublicConfig,
} from '../../../src/modules/platform/api.ts';
