/**
 * The unified identity provider under load, against a bare route of the same server, same run:
 *   - POST /oidc/token, client credentials (a department system getting an access token)
 *   - GET /oidc/me, userinfo with a bearer token
 *   - GET /healthz (baseline: the HTTP stack alone)
 * and password sign-in throughput (argon2id on the thread pool) with the event loop's p99
 * delay while it runs, beside the p99 of /healthz measured during the sign-ins: argon2 must
 * not stall other requests.
 */
import autocannon from 'autocannon';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as oidc from 'openid-client';
import { hashPassword, verifyPassword } from '../src/kernel/crypto/password.ts';
import { systemActor } from '../src/kernel/actor.ts';
import { registerClient } from '../src/modules/identity/index.ts';
import { CookieClient, csrfOf, rpSignIn } from '../test/support/browserless.ts';
import { CONNECTIONS, DURATION, measure, ratioRow, withBenchServer } from './support.ts';

const REDIRECT = 'https://bench.example.gov.cn/cb';

await withBenchServer(async (server) => {
  const { clientSecret } = await registerClient(server.ctx, systemActor('bench'), {
    clientId: 'bench-system',
    name: '压测业务系统',
    redirectUris: [REDIRECT],
    grantTypes: ['authorization_code', 'client_credentials'],
    scopes: ['openid', 'profile', 'yiwang'],
  });
  const issuer = new URL(`${server.url}/oidc`);
  const config = await oidc.discovery(issuer, 'bench-system', clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const accessToken = await citizenAccessToken(server.url, config);

  const bare = await measure(`${server.url}/healthz`);
  const token = await measure(`${server.url}/oidc/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`bench-system:${clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  const userinfo = await measure(`${server.url}/oidc/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  const logins = await passwordLogins(server.url);
  const hashing = await argon2Alone();

  console.log(`${server.ctx.db.backend}, ${CONNECTIONS} connections, ${DURATION}s per route`);
  console.log(ratioRow('GET /healthz (bare baseline)', bare, bare));
  console.log(ratioRow('POST /oidc/token (client credentials)', token, bare));
  console.log(ratioRow('GET /oidc/me (userinfo)', userinfo, bare));
  console.log(
    `password sign-in (whole flow, ${logins.concurrency} at once)`.padEnd(44) +
      ` ${logins.perSecond.toFixed(1).padStart(8)} /s      event loop p99 ${logins.loopP99.toFixed(1)} ms (idle ${logins.idleLoopP99.toFixed(1)} ms)   /healthz p99 during sign-ins ${logins.healthP99} ms`,
  );
  console.log(
    `argon2id verification alone (${hashing.concurrency} at once)`.padEnd(44) +
      ` ${hashing.perSecond.toFixed(1).padStart(8)} /s      event loop p99 ${hashing.loopP99.toFixed(1)} ms — the hashing itself runs off the event loop`,
  );
  if (server.ctx.db.backend === 'pglite')
    console.log(
      '(PGlite runs its queries on the event loop; on PostgreSQL, DATABASE_URL=…, the sign-in figure shows the provider alone)',
    );
});

/** Password verifications only (the argon2id part of a sign-in), with the loop delay sampled. */
async function argon2Alone() {
  const concurrency = 8;
  const stored = await hashPassword('Yiwang@2026citizen');
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const until = Date.now() + DURATION * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < until) {
      if (!(await verifyPassword('Yiwang@2026citizen', stored))) throw new Error('verification failed');
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  loop.disable();
  return { concurrency, perSecond: done / DURATION, loopP99: loop.percentile(99) / 1e6 };
}

/** One code + PKCE sign-in of a demo citizen, to get a bearer token for userinfo. */
async function citizenAccessToken(baseUrl: string, config: oidc.Configuration): Promise<string> {
  const { callback, verifier, state } = await rpSignIn(
    baseUrl,
    config,
    { username: '13800000003', password: 'Yiwang@2026citizen' },
    { redirectUri: REDIRECT, scope: 'openid profile' },
  );
  return (await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: verifier, expectedState: state })).access_token;
}

/**
 * Whole browser sign-ins (start, provider page, password, code redemption, session) by
 * several clients at once for the bench duration, while the event loop delay is sampled and
 * /healthz is hit alongside.
 */
async function passwordLogins(baseUrl: string) {
  const concurrency = 8;
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((r) => setTimeout(r, 1000));
  idle.disable();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const until = Date.now() + DURATION * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const ua = new CookieClient();
      const start = await ua.follow(`${baseUrl}/api/auth/start?next=/`, () => false);
      const uid = new URL(start.location).pathname.split('/').pop()!;
      await ua.follow(`${baseUrl}/oidc/interaction/${uid}/login`, (l) => new URL(l).pathname === '/', {
        form: { username: '13800000003', password: 'Yiwang@2026citizen', csrf: csrfOf(await start.res.text()) },
      });
      if (!ua.cookie('yw_session')) throw new Error('sign-in failed during the benchmark');
      done++;
    }
  };
  const health = autocannon({ url: `${baseUrl}/healthz`, connections: 2, duration: DURATION });
  await Promise.all([...Array.from({ length: concurrency }, worker), health]);
  loop.disable();
  return {
    concurrency,
    perSecond: done / DURATION,
    loopP99: loop.percentile(99) / 1e6,
    idleLoopP99: idle.percentile(99) / 1e6,
    healthP99: (await health).latency.p99,
  };
}
