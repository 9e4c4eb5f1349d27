import assert from 'node:assert/strict';
import { CITIZEN_PASSWORD, REWARD } from './demo.ts';
import { uploadMaterial } from './files.ts';
import type { TestServer } from './server.ts';

/**
 * The demo citizen 13800000001 applies for REWARD online with all three materials and the window
 * clerk accepts: the case is in review. `reportNumber` keeps cases of one test apart.
 */
export async function acceptedRewardCase(server: TestServer, reportNumber: string) {
  const citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  const clerk = await server.login('clerk');
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: REWARD, formData: { report_number: reportNumber, bank_account: '6222020000000000001' } } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = draft.body.case.id as string;
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(server, citizen, id, key)).status, 201);
  const sub = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const acc = await server.api(`/api/cases/${id}/actions/accept`, { method: 'POST', cookie: clerk, body: { version: sub.body.case.version } });
  assert.equal(acc.status, 200, JSON.stringify(acc.body));
  return { id, number: sub.body.case.number as string, version: acc.body.version as number, citizen, clerk };
}
