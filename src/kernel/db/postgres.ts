import { createHash } from 'node:crypto';
import pg from 'pg';
import { clockNeverMoved, syncClock } from './clock-sync.ts';
import { trackTransaction } from './commit-hooks.ts';
import type { Db, Queryable, Row } from './types.ts';

// Make the driver return the same shapes as PGlite: int8 as number (counts, ids of
// bigserial tables stay far below 2^53) and DATE as the plain 'YYYY-MM-DD' string, so
// working-day arithmetic never shifts a day through the server's time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** Distinct statement texts prepared so far; past the cap a text runs unnamed (planned each time). */
const prepared = new Map<string, string>();
const PREPARED_CAP = 5000;

/**
 * The query as a named (prepared) statement: PostgreSQL parses and plans it once per connection
 * instead of on every call — for the short statements of a request, planning cost more than
 * running (#20: the session lookup planned for 1.87 ms and ran for 0.16 ms). Only statements with
 * parameters: a named statement goes through the extended protocol, which takes one statement
 * per text, while parameterless texts (migrations, scripts) may hold several.
 */
function statement(sql: string, params: unknown[] | undefined): pg.QueryConfig {
  if (!params?.length) return { text: sql };
  let name = prepared.get(sql);
  if (name === undefined) {
    if (prepared.size >= PREPARED_CAP) return { text: sql, values: params };
    name = `y${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    prepared.set(sql, name);
  }
  return { name, text: sql, values: params };
}

/**
 * A pool runs queries side by side; one transaction's connection runs one at a time, so code
 * that does `Promise.all` over a transaction's queries waits its turn here instead of relying on
 * the driver's internal queue (deprecated, gone in pg 9).
 */
function wrap(c: pg.Pool | pg.PoolClient, serial: boolean): Queryable {
  let last: Promise<unknown> = Promise.resolve();
  const run = <T extends Row>(sql: string, params?: unknown[]): Promise<pg.QueryResult<T>> => {
    if (!serial) return c instanceof pg.Pool ? pooled<T>(c, sql, params) : c.query<T>(statement(sql, params));
    const next = last.then(() => c.query<T>(statement(sql, params)));
    last = next.catch(() => undefined);
    return next;
  };
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await run<T>(sql, params)).rows;
    },
    async one<T extends Row>(sql: string, params: unknown[] = []) {
      return (await run<T>(sql, params)).rows[0];
    },
    async exec(sql: string) {
      await run(sql);
    },
  };
}

/** A query on any pooled connection, which first follows the kernel clock if it has moved. */
async function pooled<T extends Row>(pool: pg.Pool, sql: string, params?: unknown[]): Promise<pg.QueryResult<T>> {
  const query = statement(sql, params);
  if (clockNeverMoved()) return pool.query<T>(query);
  const client = await pool.connect();
  try {
    await syncClock(client);
    return await client.query<T>(query);
  } finally {
    client.release();
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const base = wrap(pool, false);
  const db: Db = {
    backend: 'postgres',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await syncClock(client);
        await client.query('BEGIN');
        const t = trackTransaction(wrap(client, true));
        const result = await fn(t.tx);
        await t.flush();
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
  return db;
}
