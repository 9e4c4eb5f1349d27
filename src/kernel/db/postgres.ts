import pg from 'pg';
import type { Db, Queryable, Row } from './types.ts';

// Make the driver return the same shapes as PGlite: int8 as number (counts, ids of
// bigserial tables stay far below 2^53) and DATE as the plain 'YYYY-MM-DD' string, so
// working-day arithmetic never shifts a day through the server's time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await c.query<T>(sql, params);
      return r.rows;
    },
    async one<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await c.query<T>(sql, params);
      return r.rows[0];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const base = wrap(pool);
  const db: Db = {
    backend: 'postgres',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
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
