import * as clock from '../src/kernel/clock.ts';
/**
 * Reconciliation of one channel's day against our records, for a statement of BENCH_RECON_LINES
 * lines (default 1,000,000), read from a file on disk as a stream. Our side holds the same
 * payments; a few lines on each side differ so every kind of discrepancy is found.
 * Figures: seconds for the whole run, lines per second, and the process's peak RSS.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { systemActor } from '../src/kernel/actor.ts';
import { reconcile } from '../src/modules/payment/reconciliation/run.ts';
import { STATEMENT_COLUMNS } from '../src/modules/payment/simulator/store.ts';
import { withBenchServer } from './support.ts';

const LINES = Number(process.env.BENCH_RECON_LINES ?? 1_000_000);
const DAY = clock.today();

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

const workDir = mkdtempSync(join(tmpdir(), 'yiwang-statement-'));
try {
  await withBenchServer(async (server) => {
    const { db } = server.ctx;
    const setupStart = performance.now();
    const dept = (await db.one<{ id: string; name: string; region_code: string }>(
      `select id, name, region_code from department order by code limit 1`,
    ))!;
    // Our side: LINES paid notices with one credited transaction each (generated in the database).
    await db.query(
      `insert into payment_notice (id, code, payer_name, department_id, department_name, region_code, amount_fen, due_date, status, paid_at, paid_channel, created_by_kind)
       select gen_random_uuid(), lpad(i::text, 20, '0'), '压测', $2, $3, $4, 100 + i % 9000, clock_today() + 7, 'paid', clock_now(), 'sim-bank', 'system'
         from generate_series(1, $1) as i`,
      [LINES, dept.id, dept.name, dept.region_code],
    );
    await db.query(
      `insert into payment_transaction (id, notice_id, channel, channel_txn_id, amount_fen, paid_at, disposition, region_code, department_id)
       select gen_random_uuid(), n.id, 'sim-bank', 'B' || n.code, n.amount_fen, clock_now(), 'credited', n.region_code, n.department_id
         from payment_notice n where n.created_by_kind = 'system'`,
    );
    // The channel's file: the same payments, except every STRIDE-th missing on one side or off by a
    // fen (every 100 000th for the full million; at least one of each for a short run).
    const file = join(workDir, 'statement.csv');
    const out = createWriteStream(file);
    const stride = Math.min(100_000, Math.max(2, Math.floor(LINES / 10)));
    const skipped = Math.floor(LINES / stride);
    out.write(`#channel=sim-bank,day=${DAY},count=${LINES}\n${STATEMENT_COLUMNS}\n`);
    const at = clock.now().toISOString();
    for (let i = 1; i <= LINES; i++) {
      const code = String(i).padStart(20, '0');
      const amount = 100 + (i % 9000) + (i % stride === Math.floor(stride / 2) ? 1 : 0);
      const line = i % stride === 0 ? `PAY,BEXTRA${i},${code},${amount},${at}\n` : `PAY,B${code},${code},${amount},${at}\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const setupSeconds = (performance.now() - setupStart) / 1000;

    const start = performance.now();
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    const run = await reconcile(server.ctx, systemActor('bench'), 'sim-bank', DAY, lines);
    const seconds = (performance.now() - start) / 1000;
    console.log(`${db.backend}, statement of ${LINES.toLocaleString('en')} lines (set-up ${setupSeconds.toFixed(1)} s)`);
    console.log(
      `reconciliation: ${seconds.toFixed(1)} s, ${(LINES / seconds).toFixed(0)} lines/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(
      `matched ${run.matched}, missing ours ${run.missingOurs}, missing channel ${run.missingChannel}, amount mismatch ${run.amountMismatch} (expected ${skipped} each)`,
    );
    if (run.missingOurs !== skipped || run.missingChannel !== skipped || run.amountMismatch !== skipped) process.exitCode = 1;
  });
} finally {
  clearInterval(sampler);
  rmSync(workDir, { recursive: true, force: true });
}
