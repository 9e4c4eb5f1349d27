import assert from 'node:assert/strict';
import type { TestServer } from './server.ts';

/**
 * A staff account in a named department of the demo city, with one role over a region (narrowed
 * to that department or not), signed in: returns its session cookie.
 */
export async function addStaff(
  server: TestServer,
  adminCookie: string,
  username: string,
  departmentName: string,
  grant: { role: string; regionCode: string; sameDepartment: boolean },
): Promise<string> {
  const dept = (await server.api(`/api/org/departments?q=${encodeURIComponent(departmentName)}`, { cookie: adminCookie })).body.items[0];
  const created = await server.api('/api/org/staff', {
    method: 'POST',
    cookie: adminCookie,
    body: { username, name: username, departmentId: dept.id, regionCode: dept.regionCode, password: `Yiwang@2026${username}`, phone: '13912345679' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const roles = await server.api(`/api/org/staff/${created.body.id}/roles`, {
    method: 'PUT',
    cookie: adminCookie,
    body: { roles: [{ role: grant.role, regionCode: grant.regionCode, departmentId: grant.sameDepartment ? dept.id : null }] },
  });
  assert.equal(roles.status, 200, JSON.stringify(roles.body));
  return server.login(username);
}
