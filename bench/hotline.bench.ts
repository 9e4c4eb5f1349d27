/**
 * The 12345 hotline's intake and dispatch classifier on PostgreSQL (#16 point 4 and Performance):
 *   - ticket intake over HTTP as the centre's agent (POST /api/hotline/tickets: numbering,
 *     classification of the text, the 派单目录 suggestion with the classifier's reasons, the
 *     deadline from the kernel calendar, history and audit), 10 clients at once, the calls of the
 *     evaluation set in turn: tickets/s as a ratio of pgbench tps on the same server in the same
 *     run (goal ≥ 0.2× and ≥ 200 tickets/s), with the CPU a ticket cost;
 *   - the classifier alone: milliseconds to classify one call (in process, no HTTP);
 *   - top-1 department accuracy on the evaluation set (test/fixtures/hotline/eval-tickets.json),
 *     the held-out part (goal ≥ 90 %) and the development part, after training on the demo city.
 * DATABASE_URL names the server; without it a throwaway PostgreSQL is started.
 */
import { readFileSync } from 'node:fs';
import { currentModel } from '../src/modules/hotline/classifier-train.ts';
import { classify } from '../src/modules/hotline/classifier.ts';
import { signIn } from '../test/support/browserless.ts';
import { benchPostgres, pgbenchTps } from './pgbench.ts';
import { CONNECTIONS, cpuText, DURATION, measure, withBenchServer } from './support.ts';

interface EvalTicket {
  split: 'dev' | 'heldout';
  title?: string;
  content: string;
  regionCode: string;
  expected: { categoryCode: string; department: string };
}
const EVAL = JSON.parse(
  readFileSync(new URL('../test/fixtures/hotline/eval-tickets.json', import.meta.url), 'utf8'),
) as EvalTicket[];
const pg = await benchPostgres();

try {
  await withBenchServer(async (server) => {
    const admin = await signIn(server.url, 'admin', 'Yiwang@2026admin');
    const agent = await signIn(server.url, 'hotline', 'Yiwang@2026hotline');
    const post = async (path: string, cookie: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, any>>;
    };

    // train on the demo city as it stands (its categories and finished tickets)
    const trained = await post('/api/hotline/classifier/train', admin);
    console.log(
      `trained in ${trained.millis} ms on ${trained.documents} documents (${JSON.stringify(trained.sources)}), ${trained.vocabulary} features`,
    );

    // accuracy through the intake form's endpoint, as the agent sees it
    for (const split of ['heldout', 'dev'] as const) {
      const part = EVAL.filter((t) => t.split === split);
      let department = 0;
      let category = 0;
      let top3 = 0;
      for (const t of part) {
        const { items } = await post('/api/hotline/classify', agent, {
          ...(t.title ? { title: t.title } : {}),
          content: t.content,
          regionCode: t.regionCode,
        });
        if (items[0]?.department?.name === t.expected.department) department++;
        if (items[0]?.categoryCode === t.expected.categoryCode) category++;
        if (items.some((i: { department: { name: string } | null }) => i.department?.name === t.expected.department)) top3++;
      }
      const pct = (n: number) => `${((n / part.length) * 100).toFixed(1)} %`;
      console.log(
        `${split === 'heldout' ? 'held-out' : 'development'} (${part.length} calls): top-1 department ${pct(department)}, top-1 category ${pct(category)}, department among the top 3 ${pct(top3)}`,
      );
      if (split === 'heldout')
        console.log(`  goal ≥ 90 % top-1 department: ${department / part.length >= 0.9 ? 'met' : 'not met'}`);
    }

    // the classifier alone, in process
    const { model } = await currentModel(server.ctx);
    const texts = EVAL.map((t) => (t.title ? `${t.title} ${t.content}` : t.content));
    const times: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const text of texts) {
        const started = performance.now();
        classify(model, text);
        times.push(performance.now() - started);
      }
    times.sort((a, b) => a - b);
    console.log(
      `classify one call: mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(2)} ms (${times.length} calls)`,
    );

    // intake over HTTP against pgbench on the same server
    const tps = await pgbenchTps(pg.url, CONNECTIONS, DURATION);
    const intake = await measure(`${server.url}/api/hotline/tickets`, {
      requests: EVAL.map((t, i) => ({
        method: 'POST' as const,
        path: '/api/hotline/tickets',
        headers: { cookie: agent, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: i % 3 === 0 ? 'consultation' : 'complaint',
          categoryCode: t.expected.categoryCode,
          ...(t.title ? { title: t.title } : {}),
          content: t.content,
          place: { regionCode: t.regionCode },
          caller: { phone: `139${String(10_000_000 + i).padStart(8, '0')}` },
        }),
      })),
    });
    console.log(`PostgreSQL, ${CONNECTIONS} concurrent agents, ${DURATION} s per phase`);
    console.log(`pgbench (TPC-B-like, scale 10, ${CONNECTIONS} clients)`.padEnd(52) + `${tps.toFixed(0).padStart(8)} tps`);
    console.log(
      `POST /api/hotline/tickets (intake, classified)`.padEnd(52) +
        `${intake.rps.toFixed(0).padStart(8)} tickets/s   p99 ${intake.p99} ms   ratio to pgbench ${(intake.rps / tps).toFixed(3)}   ${cpuText(intake)}`,
    );
    console.log(`  goal ≥ 0.2× and ≥ 200 tickets/s: ${intake.rps >= 200 && intake.rps / tps >= 0.2 ? 'met' : 'not met'}`);
  });
} finally {
  pg.stop();
}
