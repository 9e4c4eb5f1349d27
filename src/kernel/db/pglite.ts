import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './types.ts';

/** Same value shapes as the PostgreSQL driver (see postgres.ts): dates stay 'YYYY-MM-DD'. */
const parsers = {
  [types.DATE]: (v: string) => v,
};

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
    async one<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await q.query<T>(sql, params);
      return r.rows[0];
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/** Embedded PostgreSQL (WebAssembly). `dataDir` undefined = in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { parsers });
  const base = wrap(pg);
  return {
    backend: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    ping: async () => {
      if (pg.closed) throw new Error('database closed');
      await pg.query('select 1');
    },
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}
