import assert from 'node:assert/strict';
import { CITIZEN_PASSWORD, IMMEDIATE, REWARD } from './demo.ts';
import { uploadMaterial } from './files.ts';
import type { TestServer } from './server.ts';

/**
 * The demo citizen 13800000001 applies for REWARD online with all three materials: the case waits
 * for the window. `reportNumber` keeps cases of one test apart.
 */
export async function submittedRewardCase(server: TestServer, reportNumber: string, citizen?: string) {
  // a sign-in costs a password hash: a caller with the citizen's session passes it
  citizen ??= await server.login('13800000001', CITIZEN_PASSWORD);
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: REWARD, formData: { report_number: reportNumber, bank_account: '6222020000000000001' } } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = draft.body.case.id as string;
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(server, citizen, id, key)).status, 201);
  const sub = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  return { id, number: sub.body.case.number as string, version: sub.body.case.version as number, citizen };
}

/** As `submittedRewardCase`, and the window clerk accepts: the case is in review. */
export async function acceptedRewardCase(server: TestServer, reportNumber: string) {
  const { id, number, version, citizen } = await submittedRewardCase(server, reportNumber);
  const clerk = await server.login('clerk');
  const acc = await server.api(`/api/cases/${id}/actions/accept`, { method: 'POST', cookie: clerk, body: { version } });
  assert.equal(acc.status, 200, JSON.stringify(acc.body));
  return { id, number, version: acc.body.version as number, citizen, clerk };
}

/**
 * 营业执照遗失补领 (IMMEDIATE, 即办, 市场监督管理局 of the city) applied for by the demo citizen
 * 13800000001 (`citizen`, their session) and accepted by the window clerk (`clerk`), which
 * completes it: the applicant rates it once the invitation is out (deliver the events).
 */
export async function completedImmediateCase(server: TestServer, citizen: string, clerk: string): Promise<string> {
  const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领' };
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE, formData: form } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const k of ['m1', 'm2']) assert.equal((await uploadMaterial(server, citizen, draft.body.case.id, k)).status, 201);
  const sub = await server.api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const done = await server.api(`/api/cases/${draft.body.case.id}/actions/accept`, { method: 'POST', cookie: clerk, body: { version: sub.body.case.version } });
  assert.equal(done.body.status, 'completed', JSON.stringify(done.body));
  return draft.body.case.id;
}

/** A case as the case actions answer it, as far as `workCase` reads it. */
export interface WorkedCase {
  id: string;
  version: number;
  status: string;
  number: string;
  currentStep: { kind: string; name: string } | null;
}

/**
 * The demo staff move a case on through the API — the clerk accepts, the approver approves every
 * further step — until it is finished, waits at a step of kind `until` (e.g. 'special',
 * 'payment'), or `steps` actions were taken. `start` is the case as the caller last saw it (its
 * id: read first); `staff` are the clerk's and the approver's sessions when the caller has them.
 * Returns the case as it then is.
 */
export async function workCase(
  server: TestServer,
  start: string | WorkedCase,
  { until, steps = 10, staff }: { until?: string; steps?: number; staff?: { clerk: string; approver: string } } = {},
): Promise<WorkedCase> {
  const { clerk, approver } = staff ?? { clerk: await server.login('clerk'), approver: await server.login('approver') };
  let c: WorkedCase = typeof start === 'string' ? (await server.api(`/api/cases/${start}`, { cookie: approver })).body.case : start;
  for (let n = 0; n < steps && ['submitted', 'processing'].includes(c.status) && c.currentStep?.kind !== until; n++) {
    const [action, cookie] = c.currentStep?.kind === 'accept' ? ['accept', clerk] : ['approve', approver];
    const res = await server.api(`/api/cases/${c.id}/actions/${action}`, { method: 'POST', cookie, body: { version: c.version, opinion: '经审查，符合条件' } });
    assert.equal(res.status, 200, `${c.number} ${c.currentStep?.name}: ${JSON.stringify(res.body)}`);
    c = res.body;
  }
  return c;
}
