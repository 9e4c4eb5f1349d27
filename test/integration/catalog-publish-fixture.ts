import assert from 'node:assert/strict';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import type { ItemContent } from '../../src/modules/catalog/content.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Publish an item of the city's market regulation bureau through the real workflow (department
 * administrator creates and submits, data bureau approves and publishes). `serial` makes the
 * item code unique (three digits).
 */
export async function publishTestItem(server: TestServer, serial: number, content: Partial<ItemContent>): Promise<{ id: string; code: string }> {
  const dept = (await server.ctx.db.one<{ id: string; uscc: string }>(`select id, uscc from department where code = '445300-SCJGJ'`))!;
  const author = await server.login('deptadmin');
  const bureau = await server.login('dataofficer');
  const code = `440A9001${String(serial).padStart(3, '0')}000-445300000000-000-${dept.uscc}-1-00`;
  const created = await server.api('/api/catalog/items', { method: 'POST', cookie: author, body: { code, departmentId: dept.id, content: sampleContent(content) } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  for (const [cookie, action] of [[author, 'submit'], [bureau, 'approve'], [bureau, 'publish']] as const) {
    const r = await server.api(`/api/catalog/items/${created.body.item.id}/transitions`, { method: 'POST', cookie, body: { action } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  return { id: created.body.item.id, code: created.body.item.code };
}
