/**
 * The 12345 knowledge base's search while typing (#16: agent KB search p99 < 50 ms with 10,000
 * articles), on PostgreSQL (DATABASE_URL, else a throwaway server; BENCH_PGLITE=1 for PGlite):
 * the demo city plus 10,000 generated published articles, then
 *   - HTTP: GET /api/hotline/knowledge/search as the agent, rotating realistic questions and
 *     half-typed ones, against the exact lookup GET /api/hotline/knowledge/articles/:id in the same run;
 *   - in process: p50 / p95 / p99 of searchKnowledge alone (articles and catalogue guides).
 * The articles are inserted in bulk with the module's own tokeniser (the services would write an
 * audit entry and a version each: minutes for what the search never reads).
 */
import { uuidv7 } from '../src/kernel/ids.ts';
import { articleTokens } from '../src/modules/hotline/knowledge-search.ts';
import { searchKnowledge } from '../src/modules/hotline/index.ts';
import { departmentRefsInRegion } from '../src/modules/org/index.ts';
import { signIn } from '../test/support/browserless.ts';
import { benchPostgres } from './pgbench.ts';
import { CONNECTIONS, DURATION, measure, withBenchServer, type Throughput } from './support.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const BATCH = 500;
const CITY = '445300000000';

/** Subjects callers ask about, what about them, and the towns and streets they live in: 20 × 10 × 50 distinct articles. */
const SUBJECTS = [
  '社保卡',
  '公积金',
  '居住证',
  '身份证',
  '医保',
  '护照',
  '驾驶证',
  '营业执照',
  '低保',
  '结婚登记',
  '停水',
  '噪音扰民',
  '学位',
  '垃圾清运',
  '路灯',
  '井盖',
  '物业费',
  '电梯',
  '异地就医',
  '不动产证',
];
const ASPECTS = ['挂失', '补办', '办理地点', '办理时间', '所需材料', '收费标准', '投诉渠道', '进度查询', '政策解读', '网上办理'];
const PLACES = Array.from(
  { length: 50 },
  (_, i) =>
    `${['云城', '云安', '新兴', '郁南', '罗定'][i % 5]}${['河口', '东城', '西江', '南山', '高村', '都杨', '六都', '白石', '富林', '思劳'][Math.floor(i / 5)]}`,
);
const QUERIES = [
  '社保卡丢了怎么挂失',
  '社保卡挂',
  '公积金提取需要什么材料',
  '公积金租房提',
  '居住证在哪里办',
  '身份证过期了怎么换',
  '异地就医备案怎么办',
  '小区停水什么时候恢复',
  '楼上噪音扰民找谁',
  '孩子学位申请',
  '营业执照网上办理',
  '低保怎么申请',
  '结婚登记要预约吗',
  '电梯坏了物业不修',
  '不动产证办理时间',
  '路灯不亮了',
  '护照办理地点',
  '驾驶证补办',
  '医保报销',
  '垃圾清运投诉',
];

const pg = process.env.BENCH_PGLITE ? null : await benchPostgres();

try {
  await withBenchServer(async (server) => {
    const db = server.ctx.db;
    const departments = await departmentRefsInRegion(db, CITY);
    const started = performance.now();
    const ids: string[] = [];
    for (let from = 0; from < ARTICLES; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, ARTICLES - from) }, (_, k) => {
        const n = from + k;
        const subject = SUBJECTS[n % SUBJECTS.length]!;
        const aspect = ASPECTS[Math.floor(n / SUBJECTS.length) % ASPECTS.length]!;
        const place = PLACES[Math.floor(n / (SUBJECTS.length * ASPECTS.length)) % PLACES.length]!;
        const content = {
          title: `${place}${subject}${aspect}`,
          questions: [`${place}${subject}怎么${aspect}`, `${subject}${aspect}去哪里`, `请问${subject}${aspect}有什么要求`],
          answer: `${place}的${subject}${aspect}：请携带本人身份证件到${place}便民服务中心或通过“粤省事”办理，工作日受理，具体以窗口公告为准（第${n}号知识）。`,
        };
        const id = uuidv7();
        ids.push(id);
        const department = departments[n % departments.length]!;
        return { id, department, ...content, tokens: articleTokens(content) };
      });
      await db.transaction(async (tx) => {
        const params: unknown[] = [];
        const values = rows.map((r) => {
          const p = (v: unknown) => `$${params.push(v)}`;
          const [title, questions, answer] = [p(r.tokens.title), p(r.tokens.questions), p(r.tokens.answer)];
          return `(${p(r.id)}, ${p(r.department.id)}, ${p(r.department.regionCode)}, 'published', ${p(r.title)}, ${p(r.questions)}, ${p(r.answer)}, ${title}::text[], ${questions}::text[], ${answer}::text[],
          setweight(array_to_tsvector(${title}::text[]), 'A') || setweight(array_to_tsvector(${questions}::text[]), 'B') || setweight(array_to_tsvector(${answer}::text[]), 'C'))`;
        });
        await tx.query(
          `insert into hotline_kb_article (id, department_id, region_code, status, title, questions, answer, title_tokens, question_tokens, answer_tokens, search)
         values ${values.join(',\n')}`,
          params,
        );
      });
    }
    const loadMs = performance.now() - started;
    await db.query('analyze hotline_kb_article');
    const total = Number(
      (await db.one<{ n: string }>(`select count(*) as n from hotline_kb_article where status = 'published'`))!.n,
    );

    // In-process latency of the search function alone (warm: the catalogue's index built once).
    await searchKnowledge(db, QUERIES[0]!);
    const samples: number[] = [];
    for (let round = 0; round < 10; round++)
      for (const q of QUERIES) {
        const t0 = performance.now();
        await searchKnowledge(db, q, { limit: 8 });
        samples.push(performance.now() - t0);
      }
    samples.sort((a, b) => a - b);
    const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(2);

    const cookie = await signIn(server.url, 'hotline', 'Yiwang@2026hotline');
    const lookup = await measure(server.url, {
      headers: { cookie },
      requests: ids.slice(0, 50).map((id) => ({ path: `/api/hotline/knowledge/articles/${id}` })),
    });
    const search = await measure(server.url, {
      headers: { cookie },
      requests: QUERIES.map((q) => ({ path: `/api/hotline/knowledge/search?q=${encodeURIComponent(q)}` })),
    });

    console.log(
      `${db.backend}; knowledge base ${total} published articles (${ARTICLES} generated, loaded in ${(loadMs / 1000).toFixed(1)} s)`,
    );
    console.log(`searchKnowledge (in process, ${samples.length} runs): p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms`);
    const row = (name: string, r: Throughput) =>
      `${name.padEnd(48)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms  p90 ${r.p90} ms  p99 ${r.p99} ms`;
    console.log(`HTTP, ${CONNECTIONS} connections, ${DURATION}s per route:`);
    console.log(row('GET /api/hotline/knowledge/articles/:id (baseline)', lookup));
    console.log(row(`GET /api/hotline/knowledge/search (${QUERIES.length} queries)`, search));
    console.log(
      `search throughput ÷ exact lookup: ${(search.rps / lookup.rps).toFixed(3)}; goal p99 < 50 ms: ${search.p99 < 50 ? 'met' : 'NOT met'}`,
    );
  });
} finally {
  pg?.stop();
}
