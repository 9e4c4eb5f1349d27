import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/kernel/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { moduleHandlers } from '../../src/kernel/events/subscription.ts';
import { processDueEvents } from '../../src/kernel/events/worker.ts';
import { MODULES } from '../../src/modules/index.ts';
import { signIn } from './browserless.ts';
import { freshDatabaseUrl } from './db.ts';

export interface TestServer extends RunningServer {
  /** fetch against the server, JSON in and out, with an optional session cookie. */
  api(path: string, init?: { method?: string; body?: unknown; rawBody?: string; cookie?: string; lang?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  login(username: string, password?: string): Promise<string>;
  /** Run the outbox handlers once (test servers start without workers), e.g. to deliver SMS. */
  deliverEvents(): Promise<number>;
}

/** The whole platform on a fresh database with the demo city, on a free port. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-test-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: await freshDatabaseUrl(),
      YIWANG_DATA_DIR: dataDir,
      YIWANG_WORKERS: '0',
      YIWANG_DEV_INBOX: '1',
      LOG_LEVEL: 'warn',
      ...env,
    }),
  );
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
  const login: TestServer['login'] = (username, password = `Yiwang@2026${username}`) => signIn(server.url, username, password);
  const handlers = moduleHandlers(MODULES, server.ctx);
  return {
    ...server,
    api,
    login,
    deliverEvents: () => processDueEvents(server.ctx.db, handlers),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
