import assert from 'node:assert/strict';
import type { TestServer } from './server.ts';

type Api = TestServer['api'];

/**
 * Publishes a new version of a demo item with `patch` applied to its content (a null removes the
 * field), through the catalogue's own review: the department drafts, the data bureau approves
 * and publishes. Tests stand in for the item editor this way; a published version cannot change.
 */
export async function publishItemVersion(
  api: Api,
  cookies: { deptadmin: string; dataofficer: string },
  code: string,
  patch: Record<string, unknown>,
): Promise<string> {
  const current = await api(`/api/catalog/published/${code}`);
  assert.equal(current.status, 200, JSON.stringify(current.body));
  const itemId = current.body.itemId as string;
  const draft = await api(`/api/catalog/items/${itemId}/versions`, { method: 'POST', cookie: cookies.deptadmin });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const content = { ...draft.body.version.content, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === null) delete content[k];
  const saved = await api(`/api/catalog/items/${itemId}/draft`, { method: 'PUT', cookie: cookies.deptadmin, body: { content, lockVersion: draft.body.version.lockVersion } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.version.quality.ok, true, JSON.stringify(saved.body.version.quality.errors));
  for (const [who, action] of [[cookies.deptadmin, 'submit'], [cookies.dataofficer, 'approve'], [cookies.dataofficer, 'publish']] as const) {
    const r = await api(`/api/catalog/items/${itemId}/transitions`, { method: 'POST', cookie: who, body: { action } });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  }
  return itemId;
}

/** Workflow steps for content patches, by kind (the keys the tests refer to). */
export const STEP = {
  accept: { key: 'accept', name: '受理', kind: 'accept' },
  review: { key: 'review', name: '审查', kind: 'review' },
  experts: { key: 'experts', name: '专家评审', kind: 'special', procedure: 'expert_review' },
  decide: { key: 'decide', name: '决定', kind: 'decide' },
  pay: { key: 'pay', name: '缴费', kind: 'payment' },
} as const;

/** A charged item's fees: one fixed line of `amountFen`, paid online, with its basis. */
export const fixedFee = (amountFen: number) => ({
  charged: true,
  onlinePayment: true,
  basis: '粤价〔2020〕1号',
  items: [{ name: '鉴定费', amountFen, basis: '粤价〔2020〕1号' }],
});
