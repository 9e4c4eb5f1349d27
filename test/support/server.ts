import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { moduleHandlers } from '../../src/kernel/events/subscription.ts';
import { processDueEvents } from '../../src/kernel/events/worker.ts';
import { MODULES } from '../../src/modules/index.ts';
import { hasAuthenticator, signIn } from './browserless.ts';
import { freshDataDir } from './db.ts';
import { haveTemplates, templateSummary } from './templates.ts';

export interface TestServer extends RunningServer {
  /** fetch against the server, JSON in and out, with an optional session cookie. */
  api(path: string, init?: { method?: string; body?: unknown; rawBody?: string; cookie?: string; lang?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /**
   * A session cookie of `username`. An administrator's session is reused while it lasts: each of
   * their sign-ins spends an authenticator step, of which the provider accepts two per 30 s, so
   * a third sign-in within a minute waited for the clock (up to 50 s of a file's time).
   */
  login(username: string, password?: string): Promise<string>;
  /** Run the outbox handlers until nothing is due (test servers start without workers), e.g. to deliver SMS. */
  deliverEvents(): Promise<number>;
}

/** A test server's configuration: a free port, no workers, the development SMS inbox, `env` last. */
export function testServerConfig(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    YIWANG_DATA_DIR: dataDir,
    YIWANG_WORKERS: '0',
    YIWANG_DEV_INBOX: '1',
    // throwaway PostgreSQL databases of the suite run on the public development key
    YIWANG_ALLOW_DEV_MASTER_KEY: '1',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** Settings that change what the demo seed writes: a server given one seeds for real. */
const SEED_INPUTS = ['DATABASE_URL', 'YIWANG_DATA_DIR', 'YIWANG_DEMO_CITY', 'YIWANG_MASTER_KEY'];

/**
 * The whole platform on a fresh database with the demo city, on a free port: a copy of the
 * runner's seeded template (database and file store, see templates.ts) when there is one.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const fromTemplate = haveTemplates() && !SEED_INPUTS.some((key) => key in env);
  const fresh = await freshDataDir(fromTemplate ? 'seeded' : undefined);
  const server = await startServer(testServerConfig(fresh.databaseUrl, fresh.dataDir, env));
  if (fromTemplate) server.seeded = JSON.parse(readFileSync(templateSummary(), 'utf8'));
  const api: TestServer['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.lang) headers['accept-language'] = init.lang;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(server.url + path, { method: init.method ?? 'GET', headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML, metrics): keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const adminSessions = new Map<string, string>();
  const login: TestServer['login'] = async (username, password = `Yiwang@2026${username}`) => {
    const kept = adminSessions.get(username);
    if (kept && (await api('/api/auth/me', { cookie: kept })).status === 200) return kept;
    const cookie = await signIn(server.url, username, password);
    if (hasAuthenticator(`${server.url}|${username}`)) adminSessions.set(username, cookie);
    else adminSessions.delete(username);
    return cookie;
  };
  const handlers = moduleHandlers(MODULES, server.ctx);
  const BATCH = 50;
  return {
    ...server,
    api,
    login,
    // Every event due now, batch after batch: the demo city's seed leaves some pending (its SMS
    // surveys, 回访 facts …), and a test's own event must not wait behind them. At most 20
    // batches, since a failing handler's event is due again at once.
    async deliverEvents() {
      let delivered = 0;
      for (let batch = 0; batch < 20; batch++) {
        const n = await processDueEvents(server.ctx.db, handlers, { batchSize: BATCH });
        delivered += n;
        if (n < BATCH) break;
      }
      return delivered;
    },
    async close() {
      await server.close();
      fresh.remove();
    },
  };
}
