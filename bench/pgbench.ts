import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { startPgServer, type PgServer } from '../test/support/pg-server.ts';

/**
 * The PostgreSQL a bench runs on: DATABASE_URL when given, else a throwaway server started
 * the way the test suite starts one (initdb + pg_ctl as the postgres user). Sets DATABASE_URL
 * so withBenchServer uses it.
 */
export async function benchPostgres(): Promise<{ url: string; stop(): void }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop() {} };
  const server: PgServer = await startPgServer();
  process.env.DATABASE_URL = server.url;
  return { url: server.url, stop: () => server.stop() };
}

/** The same server, another database, so pgbench's tables never meet ours. */
async function pgbenchDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop database if exists yiwang_pgbench');
    await client.query('create database yiwang_pgbench');
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = '/yiwang_pgbench';
  return target.toString();
}

function run(args: string[]): string {
  const r = spawnSync('pgbench', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pgbench ${args[0]} failed: ${r.stderr || r.stdout}`);
  return `${r.stdout}\n${r.stderr}`;
}

/**
 * pgbench's default TPC-B-like script on the same server: initialised at a small scale, then
 * run with as many clients as the bench's own load, for the same duration.
 */
export async function pgbenchTps(url: string, clients: number, seconds: number, scale = 10): Promise<number> {
  const db = await pgbenchDatabase(url);
  run(['-i', '-q', '-s', String(scale), db]);
  const out = run(['-c', String(clients), '-j', '2', '-T', String(seconds), '-n', db]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? /tps = ([\d.]+)/.exec(out)?.[1];
  if (!tps) throw new Error(`no tps in pgbench output:\n${out}`);
  return Number(tps);
}
