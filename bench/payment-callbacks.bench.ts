import * as clock from '../src/kernel/clock.ts';
/**
 * Callback handling throughput against the bare route of the same server, same run:
 *   - GET /healthz (baseline: the HTTP stack alone)
 *   - POST /api/payment/callbacks/sim-bank   (HMAC-SM3 verify, lock, credit, e-receipt number and
 *     SM2 signature, audit entry, notice_paid event: one transaction per callback)
 *   - POST /api/payment/callbacks/sim-wallet (the same with an SM2 signature to verify)
 *   - the same sim-bank callbacks again (duplicates: verify + idempotent no-op)
 * Every callback pays a different notice, prepared before the clock starts.
 */
import autocannon from 'autocannon';
import { uuidv7 } from '../src/kernel/ids.ts';
import { signedHeaders } from '../src/kernel/crypto/index.ts';
import { newPaymentCode } from '../src/modules/payment/code.ts';
import { gatewaySigner } from '../src/modules/payment/simulator/adapter.ts';
import type { SimChannel } from '../src/modules/payment/simulator/store.ts';
import { CONNECTIONS, measure, withBenchServer } from './support.ts';

const CALLBACKS = Number(process.env.BENCH_CALLBACKS ?? 2000);

await withBenchServer(async (server) => {
  const { db } = server.ctx;

  /** Notices straight into the tables: the set-up is not what is measured. */
  async function prepare(n: number): Promise<{ code: string }[]> {
    const dept = (await db.one<{ id: string; name: string; region_code: string }>(
      `select id, name, region_code from department order by code limit 1`,
    ))!;
    const notices = Array.from({ length: n }, () => ({ id: uuidv7(), code: newPaymentCode(dept.region_code) }));
    for (let i = 0; i < n; i += 1000) {
      const chunk = notices.slice(i, i + 1000);
      await db.query(
        `insert into payment_notice (id, code, payer_name, department_id, department_name, region_code, amount_fen, due_date, created_by_kind)
         select id, code, '压测缴款人', $3, $4, $5, 10000, clock_today() + 7, 'system' from unnest($1::uuid[], $2::text[]) as t(id, code)`,
        [chunk.map((c) => c.id), chunk.map((c) => c.code), dept.id, dept.name, dept.region_code],
      );
      await db.query(
        `insert into payment_notice_line (notice_id, line_no, name, unit_fen, quantity, amount_fen) select id, 1, '登记费', 10000, 1, 10000 from unnest($1::uuid[]) as t(id)`,
        [chunk.map((c) => c.id)],
      );
    }
    return notices;
  }

  function bodies(channel: SimChannel, notices: { code: string }[]) {
    const signer = gatewaySigner(server.ctx.config.masterKey, channel);
    return notices.map((n) => {
      const body = JSON.stringify({
        notifyId: uuidv7(),
        type: 'PAYMENT',
        paymentCode: n.code,
        channelTxnId: `${channel}-${uuidv7()}`,
        amountFen: 10000,
        occurredAt: clock.now().toISOString(),
      });
      return { body, headers: { 'content-type': 'application/json', ...signedHeaders(signer, body) } };
    });
  }

  async function measureCallbacks(channel: SimChannel, prepared: { body: string; headers: Record<string, string> }[]) {
    let next = 0;
    const started = performance.now();
    const result = await autocannon({
      url: `${server.url}/api/payment/callbacks/${channel}`,
      connections: CONNECTIONS,
      amount: prepared.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const p = prepared[next++ % prepared.length]!;
            return { ...req, body: p.body, headers: p.headers };
          },
        },
      ],
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${channel}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    // autocannon reports whole seconds; a few hundred fast requests need the real clock.
    const seconds = (performance.now() - started) / 1000;
    return { rps: result.requests.total / seconds, p99: result.latency.p99 };
  }

  const bare = await measure(`${server.url}/healthz`);
  const bank = bodies('sim-bank', await prepare(CALLBACKS));
  const wallet = bodies('sim-wallet', await prepare(CALLBACKS));
  const bankResult = await measureCallbacks('sim-bank', bank);
  const walletResult = await measureCallbacks('sim-wallet', wallet);
  const duplicateResult = await measureCallbacks('sim-bank', bank);
  const paid = await db.one<{ n: number }>(`select count(*) as n from payment_notice where status = 'paid'`);
  if (Number(paid!.n) !== 2 * CALLBACKS) throw new Error(`expected ${2 * CALLBACKS} paid notices, found ${paid!.n}`);
  const row = (name: string, r: { rps: number; p99: number }) =>
    `${name.padEnd(52)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(5)} ms   ratio to bare ${(r.rps / bare.rps).toFixed(4)}`;
  console.log(`${db.backend}, ${CONNECTIONS} connections, ${CALLBACKS} callbacks per channel`);
  console.log(row('GET /healthz (bare baseline)', bare));
  console.log(row('callback sim-bank, HMAC-SM3 (credit + receipt + event)', bankResult));
  console.log(row('callback sim-wallet, SM2 (credit + receipt + event)', walletResult));
  console.log(row('callback sim-bank duplicates (idempotent no-op)', duplicateResult));
});
