import { moduleHandlers } from '../../src/kernel/events/subscription.ts';
import { processDueEvents } from '../../src/kernel/events/worker.ts';
import { MODULES } from '../../src/modules/index.ts';
import { RECONCILIATION_DUE } from '../../src/modules/payment/events.ts';
import { signedHeaders } from '../../src/kernel/crypto/index.ts';
import { gatewaySigner } from '../../src/modules/payment/simulator/adapter.ts';
import { deliveriesSettled } from '../../src/modules/payment/simulator/delivery.ts';
import type { SimChannel } from '../../src/modules/payment/simulator/store.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

/** Shared set-up of the payment tests: a server, the demo accounts, helpers for the simulator. */
export interface PaymentFixture {
  server: TestServer;
  cookies: Record<'admin' | 'clerk' | 'approver' | 'deptadmin' | 'citizen' | 'citizen2' | 'leader', string>;
  citizenId: string;
  citizen2Id: string;
  /** 市场监督管理局: the approver and department administrator are narrowed to it. */
  scjgj: string;
  /** Another department, outside their grants and the finance officer's. */
  otherDept: string;
  createNotice(overrides?: Record<string, unknown>, cookie?: string): Promise<any>;
  /** Run due outbox events (workers are off in tests) and wait for simulated callbacks, until quiet. */
  drain(): Promise<void>;
  /** Make every pending timer due now (a clock jump), then drain. */
  fastForward(): Promise<void>;
  callback(channel: SimChannel, body: Record<string, unknown>, opts?: { headers?: Record<string, string>; raw?: string }): Promise<{ status: number; body: any }>;
  /** Pay through the simulator's pay page as a payer would. */
  payOnPage(payUrl: string, form?: Record<string, string>): Promise<number>;
  /** The citizen pays a notice on `channel`'s pay page (a refund can go back the same way), the callback delivered. */
  payThroughSimulator(notice: { id: string }, channel?: string, form?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** A channel's PAYMENT notification for a notice, with fresh notification and transaction ids. */
export const paymentBody = (notice: { code: string; amountFen: number }, o: Record<string, unknown> = {}) => ({
  notifyId: `N-${Math.random().toString(36).slice(2)}`,
  type: 'PAYMENT',
  paymentCode: notice.code,
  channelTxnId: `T${Math.random().toString(36).slice(2)}`,
  amountFen: notice.amountFen,
  occurredAt: clock.now().toISOString(),
  ...o,
});

export const today = () => clock.today();
export const inDays = (n: number) => new Date(clock.nowMs() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

export async function paymentFixture(): Promise<PaymentFixture> {
  const server = await startTestServer();
  const names = ['admin', 'clerk', 'approver', 'deptadmin', 'leader'] as const;
  const cookies = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await server.login(n)]))) as PaymentFixture['cookies'];
  cookies.citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  cookies.citizen2 = await server.login('13800000002', 'Yiwang@2026citizen');
  const citizenId = (await server.api('/api/auth/me', { cookie: cookies.citizen })).body.user.id;
  const citizen2Id = (await server.api('/api/auth/me', { cookie: cookies.citizen2 })).body.user.id;
  const approverMe = (await server.api('/api/auth/me', { cookie: cookies.approver })).body.user;
  const scjgj = approverMe.departmentId as string;
  const depts = await server.api('/api/org/departments?pageSize=50', { cookie: cookies.admin });
  // outside every demo grant: not the units the demo finance officer serves besides 市场监督管理局
  const otherDept = depts.body.items.find(
    (d: { id: string; name: string; regionCode: string }) => d.id !== scjgj && d.regionCode === '445300000000' && !/自然资源局/.test(d.name),
  ).id as string;
  const handlers = moduleHandlers(MODULES, server.ctx);

  const drain = async () => {
    for (let i = 0; i < 50; i++) {
      const handled = await processDueEvents(server.ctx.db, handlers, { backoff: () => 3600 });
      await deliveriesSettled();
      if (handled === 0) return;
    }
  };
  const payOnPage: PaymentFixture['payOnPage'] = async (payUrl, form = {}) => {
    const res = await fetch(server.url + payUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'pay', ...form }).toString(),
      redirect: 'manual',
    });
    await res.arrayBuffer();
    return res.status;
  };
  return {
    server,
    cookies,
    citizenId,
    citizen2Id,
    scjgj,
    otherDept,
    async createNotice(overrides = {}, cookie = cookies.clerk) {
      const res = await server.api('/api/payment/notices', {
        method: 'POST',
        cookie,
        body: {
          payerPersonId: citizenId,
          payerName: '陈小云',
          departmentId: scjgj,
          itemCode: 'TEST-ITEM',
          dueDate: inDays(7),
          lines: [{ name: '登记费', unitFen: 5000, quantity: 2 }],
          ...overrides,
        },
      });
      if (res.status !== 201) throw new Error(`notice not created: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    drain,
    async fastForward() {
      await server.ctx.db.query(`update outbox_event set due_at = clock_now() where status = 'pending' and topic <> $1`, [RECONCILIATION_DUE.name]);
      await drain();
    },
    async callback(channel, body, opts = {}) {
      const raw = opts.raw ?? JSON.stringify(body);
      const headers = opts.headers ?? signedHeaders(gatewaySigner(server.ctx.config.masterKey, channel), raw);
      return server.api(`/api/payment/callbacks/${channel}`, { method: 'POST', rawBody: raw, headers: { 'content-type': 'application/json', ...headers } });
    },
    payOnPage,
    async payThroughSimulator(notice, channel = 'sim-bank', form = {}) {
      const pay = await server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: cookies.citizen, body: { channel } });
      if (pay.status !== 200) throw new Error(`not paid: ${pay.status} ${JSON.stringify(pay.body)}`);
      await payOnPage(pay.body.payUrl, form);
      await drain();
    },
    close: () => server.close(),
  };
}
