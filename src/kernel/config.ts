import { resolve } from 'node:path';

/** Everything configurable comes from the environment, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; empty = embedded PGlite; memory:// = in-memory PGlite (tests). */
  databaseUrl: string;
  /** Root of the embedded database (pg/) and the local file store (files/). */
  dataDir: string;
  /** Demo city loaded into an empty database at start ('' = none). */
  demoCity: string;
  /** 32 hex chars (128-bit SM4 key) protecting personal fields at rest. */
  masterKey: string;
  logLevel: string;
  /** https://gov.example.cn as users reach it; the OpenID issuer is <publicUrl>/oidc. Empty = http://localhost:<port>. */
  publicUrl: string;
  /** Believe X-Forwarded-For (only behind a load balancer that sets it). */
  trustProxy: boolean;
  /** Cookies get the Secure flag behind HTTPS. */
  secureCookies: boolean;
  sessionHours: number;
  workers: boolean;
  /** Directory of the built web app served at / (empty = API only). */
  webDir: string;
  /** Show sent SMS at /dev/sms (no carrier connected): on by default only on the embedded database (YIWANG_DEV_INBOX); who may read it: identity's dev-inbox.ts. */
  devInbox: boolean;
}

// The development key is public on purpose: production must set YIWANG_MASTER_KEY (see README).
export const DEV_MASTER_KEY = '0123456789abcdeffedcba9876543210';

/** postgres:// or postgresql://: a server (production); empty or memory:// is the embedded PGlite. */
const isServerDatabase = (url: string | undefined) => /^postgres(ql)?:\/\//i.test(url ?? '');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.YIWANG_DATA_DIR ?? resolve('data');
  const masterKey = env.YIWANG_MASTER_KEY ?? DEV_MASTER_KEY;
  if (!/^[0-9a-fA-F]{32}$/.test(masterKey)) {
    throw new Error('YIWANG_MASTER_KEY must be 32 hexadecimal characters (a 128-bit SM4 key)');
  }
  // A PostgreSQL server means a real deployment: personal data encrypted under a key printed in
  // the source code is not encrypted. The test suite's throwaway servers say so explicitly.
  if (isServerDatabase(env.DATABASE_URL) && masterKey.toLowerCase() === DEV_MASTER_KEY && env.YIWANG_ALLOW_DEV_MASTER_KEY !== '1') {
    throw new Error(
      'refusing to start: DATABASE_URL names a PostgreSQL server but YIWANG_MASTER_KEY is unset or the public development key; ' +
        'set YIWANG_MASTER_KEY to a secret 32-hex-character key (e.g. `openssl rand -hex 16`)',
    );
  }
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? '',
    dataDir,
    demoCity: env.YIWANG_DEMO_CITY ?? '445300',
    masterKey,
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: (env.YIWANG_PUBLIC_URL ?? '').replace(/\/$/, ''),
    trustProxy: env.YIWANG_TRUST_PROXY === '1',
    secureCookies: env.YIWANG_SECURE_COOKIES === '1',
    sessionHours: Number(env.YIWANG_SESSION_HOURS ?? 12),
    workers: env.YIWANG_WORKERS !== '0',
    webDir: env.YIWANG_WEB_DIR ?? resolve('dist/web'),
    devInbox: (env.YIWANG_DEV_INBOX ?? (env.DATABASE_URL ? '0' : '1')) === '1',
  };
}
