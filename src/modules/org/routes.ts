import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { Page, PageQuery } from '../../kernel/sql/paging.ts';
import { departments } from './departments.ts';
import { roleNames, sectorNames } from './dictionaries.ts';
import { registerEntityRoutes } from './entity-routes.ts';
import { halls } from './halls.ts';
import { kiosks } from './kiosks.ts';
import { childRegions, getRegion, searchRegions } from './regions/store.ts';
import * as S from './schemas.ts';
import { registerStaffMessageRoutes } from './staff-message-routes.ts';
import { setStaffRoles, staffStore } from './staff.ts';
import { orgStats } from './stats.ts';
import { windows } from './windows.ts';

const RegionParams = Type.Object({ code: S.RegionCode });

export function registerOrgRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  const staff = staffStore(personalData(ctx.config.masterKey));

  // Regions are public reference data (the portal's address pickers use them too).
  app.get('/api/regions', {
    schema: {
      tags: ['regions'],
      querystring: Type.Object({ ...PageQuery.properties, level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })) }),
      response: { 200: Page(S.Region) },
    },
  }, (req) => searchRegions(db, req.query));
  app.get('/api/regions/:code', { schema: { tags: ['regions'], params: RegionParams, response: { 200: S.Region } } }, (req) =>
    getRegion(db, req.params.code),
  );
  app.get('/api/regions/:code/children', {
    schema: { tags: ['regions'], params: RegionParams, response: { 200: Type.Object({ items: Type.Array(S.Region) }) } },
  }, async (req) => ({ items: await childRegions(db, req.params.code) }));

  registerEntityRoutes(app, db, '/api/org/departments', departments, {
    tag: 'departments',
    item: S.Department,
    create: S.DepartmentCreate,
    patch: S.DepartmentPatch,
    filters: { parentId: Type.Optional(S.Id), sector: Type.Optional(S.Sector) },
  });
  registerEntityRoutes(app, db, '/api/org/halls', halls, {
    tag: 'halls',
    item: S.Hall,
    create: S.HallCreate,
    patch: S.HallPatch,
    filters: { departmentId: Type.Optional(S.Id) },
  });
  registerEntityRoutes(app, db, '/api/org/windows', windows, {
    tag: 'windows',
    item: S.ServiceWindow,
    create: S.WindowCreate,
    patch: S.WindowPatch,
    filters: { hallId: Type.Optional(S.Id), isGeneral: Type.Optional(Type.Boolean()), departmentId: Type.Optional(S.Id) },
  });
  registerEntityRoutes(app, db, '/api/org/kiosks', kiosks, {
    tag: 'kiosks',
    item: S.Kiosk,
    create: S.KioskCreate,
    patch: S.KioskPatch,
    filters: { hallId: Type.Optional(S.Id) },
  });
  registerEntityRoutes(app, db, '/api/org/staff', staff, {
    tag: 'staff',
    item: S.Staff,
    create: S.StaffCreate,
    patch: S.StaffPatch,
    filters: { departmentId: Type.Optional(S.Id), status: Type.Optional(Type.String()) },
  });
  app.put('/api/org/staff/:id/roles', {
    schema: { tags: ['staff'], params: S.IdParams, body: S.StaffRoles, response: { 200: S.Staff } },
  }, (req) => setStaffRoles(db, staff, req.actor, req.params.id, req.body.roles));

  app.get('/api/org/roles', { schema: { tags: ['staff'], response: { 200: S.CodeNames } } }, (req) => ({ items: roleNames(req.actor, req.lang) }));
  app.get('/api/org/sectors', { schema: { tags: ['departments'], response: { 200: S.CodeNames } } }, (req) => ({ items: sectorNames(req.actor, req.lang) }));
  app.get('/api/org/stats', { schema: { tags: ['cockpit'], response: { 200: S.OrgStats } } }, (req) => orgStats(db, req.actor));
  registerStaffMessageRoutes(app, db);
}
