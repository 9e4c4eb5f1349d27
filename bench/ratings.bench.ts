import * as clock from '../src/kernel/clock.ts';
/**
 * 好差评 figures, same server and run for every line:
 *   - GET /api/ratings/dictionary as a signed-in citizen (baseline: HTTP stack + session, no writes)
 *   - POST /api/ratings: the citizen rates a different finished case each request (case and
 *     applicant check, invitation + its default timer, rating, audit entry, rating.created event;
 *     every fifth rating is 不满意 with a tag and opens a rectification task)
 *   - GET /api/ratings/results for one month over BENCH_RATINGS (200,000) generated ratings spread
 *     over twelve months, city-wide as the administrator, by department and by item
 * Cases and ratings for the read side are generated in SQL before the clock starts.
 */
import autocannon from 'autocannon';
import { shanghaiDate } from '../src/kernel/calendar/index.ts';
import { signIn } from '../test/support/browserless.ts';
import { generateCases } from './cases-generate.ts';
import { CONNECTIONS, measure, ratioRow, withBenchServer, type Throughput } from './support.ts';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
const RATINGS = Number(process.env.BENCH_RATINGS ?? 200_000);
const CITY = '445300000000';

await withBenchServer(async (server) => {
  const { db } = server.ctx;
  const base = server.url;
  const citizen = await signIn(base, '13800000001', 'Yiwang@2026citizen');
  const admin = await signIn(base, 'admin', 'Yiwang@2026admin');
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie: citizen } })).json()) as { user: { id: string } };

  // finished cases of the citizen, one per rating to submit
  await generateCases(db, Math.ceil(SUBMISSIONS * 1.1));
  const cases = (
    await db.query<{ id: string }>(
      `update case_record set applicant_person_id = $1, owner_person_id = $1
        where id in (select id from case_record where number like 'G%' and status = 'completed' order by number limit $2) returning id`,
      [me.user.id, SUBMISSIONS],
    )
  ).map((r) => r.id);
  if (cases.length < SUBMISSIONS) throw new Error(`only ${cases.length} finished cases generated`);

  const bare = await measure(`${base}/api/ratings/dictionary`, { headers: { cookie: citizen } });

  let next = 0;
  const started = performance.now();
  const submitted = await autocannon({
    url: `${base}/api/ratings`,
    connections: CONNECTIONS,
    amount: SUBMISSIONS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = next++;
          const bad = i % 5 === 0;
          const body = JSON.stringify({ caseId: cases[i % cases.length], channel: 'portal', level: bad ? 2 : 5, ...(bad ? { tags: ['long_wait'], comment: '排队太久' } : {}) });
          return { ...req, body, headers: { cookie: citizen, 'content-type': 'application/json' } };
        },
      },
    ],
  });
  if (submitted.non2xx > 0 || submitted.errors > 0) throw new Error(`ratings: ${submitted.non2xx} non-2xx, ${submitted.errors} errors`);
  // autocannon reports whole seconds; a few thousand requests need the real clock
  const submitRate: Throughput = { rps: submitted.requests.total / ((performance.now() - started) / 1000), p50: submitted.latency.p50, p90: submitted.latency.p90, p99: submitted.latency.p99 };
  const stored = (await db.one<{ n: number }>(`select count(*)::int as n from rating where channel = 'portal'`))!.n;
  if (stored !== SUBMISSIONS) throw new Error(`expected ${SUBMISSIONS} ratings, found ${stored}`);

  // the read side: ratings over twelve months for every department and item of the city
  const t0 = performance.now();
  await db.query(
    `with items as (
       select (row_number() over (order by i.code) - 1)::int as k, i.id, i.code, v.name, i.region_code, i.department_id, d.name as dept
         from catalog_item i join catalog_item_version v on v.item_id = i.id and v.status = 'published' join department d on d.id = i.department_id
     ), n as (select count(*)::int as n from items),
     g as (select g, gen_random_uuid() as inv, gen_random_uuid() as c, clock_now() - make_interval(days => g % 365, secs => g % 86400) as at
             from generate_series(1, $1::int) as g),
     inv as (
       insert into rating_invitation (id, case_id, case_number, stage, region_code, department_id, department_name, item_id, item_code, item_name,
           dimension_set, rater_person_id, token_hash, status, due_at, created_at)
       select g.inv, g.c, 'R' || lpad(g.g::text, 19, '0'), 'completed', it.region_code, it.department_id, it.dept, it.id, it.code, it.name,
              case when g.g % 3 = 0 then 'offline' else 'online' end, gen_random_uuid(), encode(sha256(g.inv::text::bytea), 'hex'),
              case when g.g % 10 = 0 then 'defaulted' else 'rated' end, g.at + interval '7 days', g.at
         from g cross join n join items it on it.k = g.g % n.n
       returning id, case_id, case_number, region_code, department_id, department_name, item_id, item_code, item_name, rater_person_id, status, created_at
     )
     insert into rating (id, invitation_id, case_id, case_number, stage, region_code, department_id, department_name, item_id, item_code, item_name,
         rater_person_id, channel, level, tags, defaulted, rated_at)
     select gen_random_uuid(), inv.id, inv.case_id, inv.case_number, 'completed', inv.region_code, inv.department_id, inv.department_name, inv.item_id,
            inv.item_code, inv.item_name, inv.rater_person_id,
            case when inv.status = 'defaulted' then 'default' else (array['portal','mobile','hall_pad','kiosk','hotline','sms'])[1 + abs(hashtext(inv.case_number)) % 6] end,
            case when inv.status = 'defaulted' then 3 else 1 + abs(hashtext(inv.id::text)) % 5 end,
            case when inv.status <> 'defaulted' and abs(hashtext(inv.id::text)) % 5 < 1 then '{long_wait}'::text[] when inv.status <> 'defaulted' and abs(hashtext(inv.id::text)) % 5 < 2 then '{attitude}'::text[] else '{}'::text[] end,
            inv.status = 'defaulted', inv.created_at + interval '1 day'
       from inv`,
    [RATINGS],
  );
  await db.exec('vacuum analyze rating');
  await db.exec('vacuum analyze rating_invitation');
  const generated = (performance.now() - t0) / 1000;

  const month = shanghaiDate(new Date(clock.nowMs() - 40 * 86_400_000)).slice(0, 7);
  const inMonth = (await db.one<{ n: number }>(`select count(*)::int as n from rating where to_char(rated_at at time zone 'Asia/Shanghai', 'YYYY-MM') = $1`, [month]))!.n;
  const results = (by: string) => `${base}/api/ratings/results?month=${month}&regionCode=${CITY}&by=${by}`;
  // the generation kept the client's pooled connection idle past the server's keep-alive: open a fresh one
  await fetch(results('department'), { headers: { cookie: admin } }).then((r) => r.arrayBuffer()).catch(() => undefined);
  const single: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    const res = await fetch(results('department'), { headers: { cookie: admin } });
    if (res.status !== 200) throw new Error(`results: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    single.push(performance.now() - s);
  }
  single.sort((a, b) => a - b);
  const byDepartment = await measure(results('department'), { headers: { cookie: admin } });
  const byItem = await measure(results('item'), { headers: { cookie: admin } });

  console.log(`${db.backend}, ${CONNECTIONS} connections, ${SUBMISSIONS} submissions; ${RATINGS} generated ratings in ${generated.toFixed(1)} s, ${inMonth} in ${month}`);
  console.log(ratioRow('GET /api/ratings/dictionary (bare baseline)', bare, bare));
  console.log(ratioRow('POST /api/ratings (one case each, 1 in 5 bad)', submitRate, bare));
  console.log(ratioRow(`GET results ${month} by department`, byDepartment, bare));
  console.log(ratioRow(`GET results ${month} by item`, byItem, bare));
  console.log(`results ${month} by department, one at a time: median ${single[10]!.toFixed(1)} ms, max ${single[19]!.toFixed(1)} ms`);
});
