/**
 * Throughput of two typical org reads against a bare route of the same server, same run:
 *   - GET /api/regions/:code/children (public, one indexed query)
 *   - GET /api/org/departments?page=1 (session lookup, scope filter, join, count)
 *   - GET /healthz (baseline: the HTTP stack alone, no database)
 * The ratios say what the database work and auth cost on top of the framework.
 */
import { signIn } from '../test/support/browserless.ts';
import { CONNECTIONS, DURATION, measure, ratioRow, withBenchServer } from './support.ts';

await withBenchServer(async (server) => {
  const cookie = await signIn(server.url, 'admin', 'Yiwang@2026admin');

  const bare = await measure(`${server.url}/healthz`);
  const children = await measure(`${server.url}/api/regions/445302000000/children`);
  const departments = await measure(`${server.url}/api/org/departments?page=1&pageSize=20`, { headers: { cookie } });

  console.log(`${server.ctx.db.backend}, ${CONNECTIONS} connections, ${DURATION}s per route`);
  console.log(ratioRow('GET /healthz (bare baseline)', bare, bare));
  console.log(ratioRow('GET /api/regions/445302000000/children', children, bare));
  console.log(ratioRow('GET /api/org/departments?page=1 (admin)', departments, bare));
});
