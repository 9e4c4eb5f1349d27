import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerOrgRoutes } from './routes.ts';

export const orgModule: Module = {
  name: 'org',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerOrgRoutes,
};

// The entities' create/update/delete services (the routes call the same) and the regions of a
// city: the seed sets the demo city up through these.
export { departments } from './departments.ts';
export { halls } from './halls.ts';
export { windows } from './windows.ts';
export { kiosks } from './kiosks.ts';
export { staffStore, setStaffRoles } from './staff.ts';
export type { DepartmentCreate, HallCreate, WindowCreate, KioskCreate, StaffCreate } from './schemas.ts';
export type { SectorCode } from './sectors.ts';
export { getRegion, childRegions, regionExists, insertRegions } from './regions/store.ts';
export { findCity, readDivisions, type CityInfo, type DivisionRow } from './regions/division-data.ts';
export { departmentRefsById, departmentRefsByCode, departmentRefsByUscc, departmentRefsInRegion, type DepartmentRef } from './lookup.ts';
export { staffActor, staffCredentials, replaceStaffPasswordHash, type StaffCredentials } from './staff-accounts.ts';
export { departmentStaffWith, staffAbleToAct, staffToAlert, type ColleagueRef } from './staff-lookup.ts';
export { windowRef, windowRefsInRegion, type WindowRef } from './window-ref.ts';
export { hallRefsById, hallRefsInRegion, type HallRef } from './hall-refs.ts';
export { byDistance, distanceMetres, formatDistance, type LatLng } from './geo.ts';
export { notifyStaff, type StaffMessageInput, type StaffMessageKind } from './staff-messages.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
