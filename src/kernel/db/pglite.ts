import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { syncClock } from './clock-sync.ts';
import { trackTransaction } from './commit-hooks.ts';
import type { Db, Queryable, Row } from './types.ts';

/** Same value shapes as the PostgreSQL driver (see postgres.ts): dates stay 'YYYY-MM-DD'. */
const parsers = {
  [types.DATE]: (v: string) => v,
};

/**
 * `session` is the one PGlite connection, on which the kernel clock's offset is kept; a
 * transaction follows the clock before it begins (a query on the connection inside it would
 * wait for the transaction's own lock), so its statements pass no session.
 */
function wrap(q: Pick<PGlite, 'query' | 'exec'>, session?: PGlite): Queryable {
  const sync = () => (session ? syncClock(session) : undefined);
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      await sync();
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
    async one<T extends Row>(sql: string, params: unknown[] = []) {
      await sync();
      const r = await q.query<T>(sql, params);
      return r.rows[0];
    },
    async exec(sql: string) {
      await sync();
      await q.exec(sql);
    },
  };
}

export class DatabaseInUseError extends Error {
  readonly dataDir: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid}; stop it first, or use DATABASE_URL for several instances`,
    );
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the same directory would
 * corrupt it. A lock file with the owner's pid refuses the second one; a lock left by a
 * process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'yiwang.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner && isAlive(owner)) throw new DatabaseInUseError(dataDir, owner);
      rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseInUseError(dataDir, 0);
}

/** Embedded PostgreSQL (WebAssembly). `dataDir` undefined = in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { parsers });
  } catch (err) {
    unlock();
    throw err;
  }
  const base = wrap(pg, pg);
  const db: Db = {
    backend: 'pglite',
    ...base,
    transaction: (fn) =>
      syncClock(pg).then(() =>
        pg.transaction(async (raw) => {
          const t = trackTransaction(wrap(raw));
          const result = await fn(t.tx);
          await t.flush();
          return result;
        }),
      ),
    ping: async () => {
      if (pg.closed) throw new Error('database closed');
      await pg.query('select 1');
    },
    close: async () => {
      if (!pg.closed) await pg.close();
      unlock();
    },
  };
  return db;
}
