import type { Queryable } from './types.ts';

/**
 * Work a transaction does last, just before COMMIT: the audit chain takes its platform-wide lock
 * there, so the lock is held for the append and the commit only, not for whatever the
 * transaction did after its first audited step (rendering a PDF, signing, calling out).
 *
 * Hooks follow savepoints: a hook registered after `savepoint x` is dropped by
 * `rollback to savepoint x`, exactly as the rows written in between are, and kept by
 * `release savepoint x`. Modules write savepoints as plain SQL, so the statements are read here.
 */
type Hook = () => Promise<void>;

interface TxState {
  hooks: Hook[];
  savepoints: { name: string; mark: number }[];
}

const states = new WeakMap<Queryable, TxState>();

const SAVEPOINT = /^\s*savepoint\s+("?)(\w+)\1\s*;?\s*$/i;
const ROLLBACK_TO = /^\s*rollback\s+(?:work\s+|transaction\s+)?to\s+(?:savepoint\s+)?("?)(\w+)\1\s*;?\s*$/i;
const RELEASE = /^\s*release\s+(?:savepoint\s+)?("?)(\w+)\1\s*;?\s*$/i;

function noteStatement(state: TxState, sql: string): void {
  let m = SAVEPOINT.exec(sql);
  if (m) {
    state.savepoints.push({ name: m[2]!.toLowerCase(), mark: state.hooks.length });
    return;
  }
  const rolledBack = ROLLBACK_TO.exec(sql);
  m = rolledBack ?? RELEASE.exec(sql);
  if (!m) return;
  const name = m[2]!.toLowerCase();
  const at = state.savepoints.map((s) => s.name).lastIndexOf(name);
  if (at < 0) return;
  if (rolledBack) {
    // the savepoint stays established after a rollback to it; later ones are gone
    state.hooks.length = state.savepoints[at]!.mark;
    state.savepoints.length = at + 1;
  } else {
    state.savepoints.length = at;
  }
}

/**
 * Wraps a transaction's connection so that hooks can be registered on it; the backend calls
 * `flush` after the caller's work and before COMMIT.
 */
export function trackTransaction(inner: Queryable): { tx: Queryable; flush(): Promise<void> } {
  const state: TxState = { hooks: [], savepoints: [] };
  const tx: Queryable = {
    async query(sql, params) {
      const rows = await inner.query(sql, params);
      noteStatement(state, sql);
      return rows as never;
    },
    async one(sql, params) {
      const row = await inner.one(sql, params);
      noteStatement(state, sql);
      return row as never;
    },
    async exec(sql) {
      await inner.exec(sql);
      noteStatement(state, sql);
    },
  };
  states.set(tx, state);
  return {
    tx,
    async flush() {
      // in registration order; a hook may register more, which run too
      for (let i = 0; i < state.hooks.length; i++) await state.hooks[i]!();
      state.hooks.length = 0;
    },
  };
}

/**
 * Runs `hook` just before the transaction `q` commits. Returns false when `q` is not a
 * transaction (a plain pool): the caller then does the work at once.
 */
export function beforeCommit(q: Queryable, hook: Hook): boolean {
  const state = states.get(q);
  if (!state) return false;
  state.hooks.push(hook);
  return true;
}
