import assert from 'node:assert/strict';
import type { TestServer } from '../support/server.ts';

/** Shared by the bundle case tests (API and browser): a published two-department bundle and its staff. */

/** 食品安全违法行为举报奖励 (市场监督管理局) and 安全生产举报奖励 (应急管理局): both ask the reporter's ID card. */
export const FOOD_REWARD = '000H2453000000-445300000000-000-11445300530000243C-1-00';
export const SAFETY_REWARD = '000H2105000000-445300000000-000-11445300530000219U-1-00';
/** 供水过户 (水务局): asks fields the reward items do not. */
export const WATER_TRANSFER = '440K1530000000-445300000000-000-11445300530000155X-1-00';
export const CITY = '445300000000';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n');

/** A bundle created and published by the data bureau; its items all run in step 1 (并联) unless steps are given. */
export async function publishBundle(server: TestServer, dataOfficer: string, code: string, itemCodes: string[], steps?: number[]): Promise<string> {
  const created = await server.api('/api/catalog/bundles', {
    method: 'POST',
    cookie: dataOfficer,
    body: {
      code,
      name: `测试并联一件事 ${code}`,
      regionCode: CITY,
      audience: 'person',
      content: { guide: '一次告知、一表申请、一套材料，各部门同时办理。', promisedLimit: 15, visits: 0 },
      members: itemCodes.map((itemCode, i) => ({ itemCode, step: steps?.[i] ?? 1 })),
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const published = await server.api(`/api/catalog/bundles/${code}/transitions`, { method: 'POST', cookie: dataOfficer, body: { action: 'publish' } });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return code;
}

/**
 * Works a member case through its department's steps to a decision: accept, then approve (or
 * disapprove) at every step until the case is final. Returns the final case view.
 */
export async function decide(server: TestServer, staff: string, caseId: string, decision: 'approve' | 'disapprove') {
  for (let i = 0; i < 10; i++) {
    const current = await server.api(`/api/cases/${caseId}`, { cookie: staff });
    assert.equal(current.status, 200, JSON.stringify(current.body));
    const actions: string[] = current.body.actions;
    const action = actions.includes('accept') ? 'accept' : actions.includes(decision) ? decision : undefined;
    if (!action) return current.body.case;
    const res = await server.api(`/api/cases/${caseId}/actions/${action}`, {
      method: 'POST',
      cookie: staff,
      body: { version: current.body.case.version, opinion: action === 'disapprove' ? '不符合条件' : '同意' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  assert.fail('the case did not reach a decision in ten steps');
}
