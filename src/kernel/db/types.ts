/**
 * One database interface for both backends (PGlite embedded, PostgreSQL server).
 * Modules only ever see `Db` / `Tx`; no code path may depend on which backend runs.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Run one parameterised statement ($1, $2 …) and return its rows. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run one statement and return the first row, or undefined. */
  one<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly backend: 'pglite' | 'postgres';
  /** Run fn in one transaction; commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Cheap liveness probe used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
