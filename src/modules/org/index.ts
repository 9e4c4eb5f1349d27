import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerOrgRoutes } from './routes.ts';

export const orgModule: Module = {
  name: 'org',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerOrgRoutes,
};

export { departments } from './departments.ts';
export { getRegion, childRegions, regionExists } from './regions/store.ts';
export { departmentRefsById, departmentRefsByCode, departmentRefsInRegion, type DepartmentRef } from './lookup.ts';
export { activeStaffGrants, staffGrantsJson, staffToAlert } from './grants-sql.ts';
export { windowRef, windowRefsInRegion, type WindowRef } from './window-ref.ts';
export { hallRefsById, hallRefsInRegion, type HallRef } from './hall-refs.ts';
export { byDistance, distanceMetres, formatDistance, type LatLng } from './geo.ts';
export { notifyStaff, type StaffMessageInput, type StaffMessageKind } from './staff-messages.ts';

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { CodeName, Department, Hall, Kiosk, OrgStats, Region, ServiceWindow, Staff, StaffMessage, StaffMessagePage, StaffMessagesRead } from './schemas.ts';
export type { RoleGrant } from './schemas.ts';
