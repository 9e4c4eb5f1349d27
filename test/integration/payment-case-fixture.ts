import assert from 'node:assert/strict';
import { fixedFee, publishItemVersion, STEP } from '../support/catalog.ts';
import { PDF } from '../support/files.ts';
import { paymentFixture, type PaymentFixture } from './payment-fixture.ts';

/** 食品安全违法行为举报奖励 (市场监管, city): three required materials. */
export const FEE_ITEM = '000H2453000000-445300000000-000-11445300530000243C-1-00';
export const FEE_FEN = 12000;
const FORM = { report_number: 'JB2026-0001', bank_account: '6222020000000000001' };

type Api = PaymentFixture['server']['api'];

/**
 * Publish a version of FEE_ITEM whose workflow ends with a payment step and whose fee is fixed,
 * through the catalogue's own workflow: the department drafts, the data bureau approves and publishes.
 */
export async function publishFeeItem(api: Api, cookies: { deptadmin: string; dataofficer: string }): Promise<void> {
  await publishItemVersion(api, cookies, FEE_ITEM, {
    workflow: [STEP.accept, STEP.decide, STEP.pay],
    fees: fixedFee(FEE_FEN),
  });
}

/** The payment fixture with FEE_ITEM published with its payment step: what the fee-case files start from. */
export async function feeCaseFixture(): Promise<PaymentFixture> {
  const f = await paymentFixture();
  await publishFeeItem(f.server.api, { deptadmin: f.cookies.deptadmin, dataofficer: await f.server.login('dataofficer') });
  return f;
}

/**
 * The applicant pays the notice on the channel's page (the simulator's signed callback follows),
 * and the events and timers run, so the case has moved on from its payment step.
 */
export async function payAtStep(f: PaymentFixture, noticeId: string, cookie: string, channel = 'sim-bank'): Promise<void> {
  const pay = await f.server.api(`/api/payment/notices/${noticeId}/pay`, { method: 'POST', cookie, body: { channel } });
  assert.equal(pay.status, 200, JSON.stringify(pay.body));
  assert.equal(await f.payOnPage(pay.body.payUrl), 303);
  await f.drain();
  await f.fastForward();
}

async function act(api: Api, cookie: string, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${id}`, { cookie });
  const res = await api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie, body: { version: current.body.case.version, ...body } });
  assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The applicant's draft of FEE_ITEM, form filled in, no material yet. */
export async function draftFeeCase(api: Api, cookie: string): Promise<{ id: string; version: number }> {
  const d = await api('/api/cases', { method: 'POST', cookie, body: { item: FEE_ITEM, formData: FORM } });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  return d.body.case;
}

/** A citizen applies for FEE_ITEM, the clerk accepts, the approver decides: the case waits at its payment step. */
export async function caseAtPayment(
  url: string,
  api: Api,
  cookies: { citizen: string; clerk: string; approver: string },
): Promise<{ caseId: string; noticeId: string }> {
  const d = await draftFeeCase(api, cookies.citizen);
  const id = d.id;
  for (const key of ['m1', 'm2', 'm3']) {
    const res = await fetch(`${url}/api/cases/${id}/materials/${key}?name=a.pdf`, {
      method: 'PUT',
      headers: { cookie: cookies.citizen, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(PDF),
    });
    assert.equal(res.status, 201);
  }
  const sub = await api(`/api/cases/${id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  await act(api, cookies.clerk, id, 'accept');
  const decided = await act(api, cookies.approver, id, 'approve', { opinion: '准予' });
  assert.equal(decided.currentStep.kind, 'payment');
  assert.ok(decided.feeNoticeId);
  return { caseId: id, noticeId: decided.feeNoticeId as string };
}
