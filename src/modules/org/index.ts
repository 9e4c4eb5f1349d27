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
export { staffActor, staffCredentials, replaceStaffPasswordHash, type StaffCredentials } from './staff-accounts.ts';
export { staffAbleToAct, staffToAlert, type ColleagueRef } from './staff-lookup.ts';
export { windowRef, windowRefsInRegion, type WindowRef } from './window-ref.ts';
export { hallRefsById, hallRefsInRegion, type HallRef } from './hall-refs.ts';
export { byDistance, distanceMetres, formatDistance, type LatLng } from './geo.ts';
export { notifyStaff, type StaffMessageInput, type StaffMessageKind } from './staff-messages.ts';
