import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Actor, Role } from '../../kernel/actor.ts';
import { canAct, requireRole, requireScope, scopeCondition, type ScopeTarget } from '../../kernel/auth.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { AppError, conflict, isForeignKeyViolation, isUniqueViolation, notFound, sqlState } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { camelRow, toSnake } from '../../kernel/sql/case.ts';
import { likeContains, type PageQuery, type PageResult } from '../../kernel/sql/paging.ts';

/**
 * The organisation entities (departments, halls, windows, kiosks, staff) share one life cycle:
 * scoped listing, optimistic-concurrency updates, audited writes, safe deletes. Each entity
 * file gives only what differs: its table, joins, rules and error codes.
 */
export interface EntitySpec<T extends { id: string; version: number }> {
  entity: string;
  table: string;
  alias: string;
  /** FROM clause with the joins that give display names (region name, hall name …). */
  from: string;
  select: string;
  searchColumns: string[];
  /** List query parameters filtered by equality, mapped to their column. */
  filters: Record<string, string>;
  orderBy: string;
  readRoles: readonly Role[];
  writeRoles: readonly Role[];
  /** Column holding the owning department, for grants narrowed to one department. */
  departmentColumn?: string;
  /** Unique constraint name → error code (409). */
  uniqueConstraints: Record<string, string>;
  /** Code for a delete refused because other rows still reference the row (409). */
  inUseCode: string;
  scopeOf(row: T | Record<string, unknown>): ScopeTarget;
  /**
   * Check an insert or update and return the column values to write (camelCase keys).
   * `existing` is the current row on update.
   */
  prepare(tx: Tx, actor: Actor, input: Record<string, unknown>, existing?: T): Promise<Record<string, unknown>>;
  /** Refuse a delete with a clear code before the database would. */
  beforeDelete?(tx: Tx, row: T): Promise<void>;
  /** Turn a stored row into the API shape (e.g. mask personal fields). */
  present?(row: T): T;
}

export type ListQuery = PageQuery & Record<string, unknown>;

export function entityStore<T extends { id: string; version: number }>(spec: EntitySpec<T>) {
  const a = spec.alias;
  const present = (row: Record<string, unknown>) => {
    const item = camelRow<T>(row);
    return spec.present ? spec.present(item) : item;
  };

  async function fetch(q: Queryable, id: string): Promise<T | undefined> {
    const row = await q.one(`select ${spec.select} from ${spec.from} where ${a}.id = $1`, [id]);
    return row ? camelRow<T>(row) : undefined;
  }

  /** Out of the actor's scope looks the same as absent: no probing for other regions' ids. */
  async function fetchVisible(q: Queryable, actor: Actor, id: string): Promise<T> {
    const row = await fetch(q, id);
    if (!row || !canAct(actor, spec.readRoles, spec.scopeOf(row))) throw notFound(spec.entity, id);
    return row;
  }

  function translateWriteError(err: unknown): never {
    if (isUniqueViolation(err)) {
      const constraint = (err as { constraint?: string }).constraint ?? '';
      throw conflict(spec.uniqueConstraints[constraint] ?? 'DUPLICATE', {}, { constraint });
    }
    if (isForeignKeyViolation(err)) throw conflict(spec.inUseCode);
    if (sqlState(err) === '22001') throw new AppError('VALIDATION_FAILED', 400, { field: spec.entity, reason: 'too long' });
    throw err;
  }

  async function get(db: Queryable, actor: Actor, id: string): Promise<T> {
    requireRole(actor, spec.readRoles);
    const row = await fetchVisible(db, actor, id);
    return spec.present ? spec.present(row) : row;
  }

  async function list(db: Queryable, actor: Actor, query: ListQuery): Promise<PageResult<T>> {
    requireRole(actor, spec.readRoles);
    const params: unknown[] = [];
    const where = [
      scopeCondition(actor, spec.readRoles, { region: `${a}.region_code`, department: spec.departmentColumn }, params),
    ];
    if (query.q) {
      params.push(likeContains(query.q));
      where.push(`(${spec.searchColumns.map((c) => `${c} ilike $${params.length}`).join(' or ')})`);
    }
    if (typeof query.regionCode === 'string' && query.regionCode) {
      params.push(`${regionPrefix(query.regionCode)}%`);
      where.push(`${a}.region_code like $${params.length}`);
    }
    for (const [param, column] of Object.entries(spec.filters)) {
      const value = query[param];
      if (value === undefined || value === '') continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const whereSql = where.join(' and ');
    const offset = (query.page - 1) * query.pageSize;
    // One round trip: the window count rides along with the page. Only a page past the end
    // (no rows to carry it) needs a separate count.
    const rows = await db.query<{ total_count: number }>(
      `select ${spec.select}, count(*) over () as total_count from ${spec.from} where ${whereSql}
        order by ${spec.orderBy} limit ${query.pageSize} offset ${offset}`,
      params,
    );
    const total = rows.length
      ? Number(rows[0]!.total_count)
      : Number((await db.one<{ n: number }>(`select count(*) as n from ${spec.from} where ${whereSql}`, params))?.n ?? 0);
    const items = rows.map(({ total_count: _omit, ...row }) => present(row));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async function create(db: { transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R> }, actor: Actor, input: Record<string, unknown>): Promise<T> {
    return db.transaction(async (tx) => {
      const values = await spec.prepare(tx, actor, input);
      requireScope(actor, spec.writeRoles, spec.scopeOf(values));
      const id = uuidv7();
      const columns = Object.keys(values).map(toSnake);
      try {
        await tx.query(
          `insert into ${spec.table} (id, ${columns.join(', ')}) values ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})`,
          [id, ...Object.values(values)],
        );
      } catch (err) {
        translateWriteError(err);
      }
      await appendAudit(tx, actor, {
        action: `${spec.entity}.create`,
        objectType: spec.entity,
        objectId: id,
        regionCode: spec.scopeOf(values).regionCode,
        details: auditable(values),
      });
      return present((await tx.one(`select ${spec.select} from ${spec.from} where ${a}.id = $1`, [id]))!);
    });
  }

  async function update(
    db: { transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R> },
    actor: Actor,
    id: string,
    input: Record<string, unknown> & { version: number },
  ): Promise<T> {
    return db.transaction(async (tx) => {
      const existing = await fetchVisible(tx, actor, id);
      requireScope(actor, spec.writeRoles, spec.scopeOf(existing));
      const { version, ...changes } = input;
      const values = await spec.prepare(tx, actor, changes, existing);
      requireScope(actor, spec.writeRoles, spec.scopeOf({ ...existing, ...values }));
      const columns = Object.keys(values).map(toSnake);
      const sets = columns.map((c, i) => `${c} = $${i + 3}`);
      let updated: unknown;
      try {
        updated = await tx.one(
          `update ${spec.table} set ${[...sets, 'version = version + 1', 'updated_at = clock_now()'].join(', ')}
            where id = $1 and version = $2 returning id`,
          [id, version, ...Object.values(values)],
        );
      } catch (err) {
        translateWriteError(err);
      }
      if (!updated) throw conflict('VERSION_CONFLICT', { current: existing.version }, { current: existing.version });
      await appendAudit(tx, actor, {
        action: `${spec.entity}.update`,
        objectType: spec.entity,
        objectId: id,
        regionCode: spec.scopeOf({ ...existing, ...values }).regionCode,
        details: auditable(values),
      });
      return present((await tx.one(`select ${spec.select} from ${spec.from} where ${a}.id = $1`, [id]))!);
    });
  }

  async function remove(db: { transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R> }, actor: Actor, id: string): Promise<void> {
    await db.transaction(async (tx) => {
      const existing = await fetchVisible(tx, actor, id);
      requireScope(actor, spec.writeRoles, spec.scopeOf(existing));
      await spec.beforeDelete?.(tx, existing);
      try {
        await tx.query(`delete from ${spec.table} where id = $1`, [id]);
      } catch (err) {
        translateWriteError(err);
      }
      await appendAudit(tx, actor, {
        action: `${spec.entity}.delete`,
        objectType: spec.entity,
        objectId: id,
        regionCode: spec.scopeOf(existing).regionCode,
        details: { version: existing.version },
      });
    });
  }

  return { spec, fetch, get, list, create, update, remove };
}

export type EntityStore<T extends { id: string; version: number }> = ReturnType<typeof entityStore<T>>;

/** A delete refused because `count` rows still depend on the row. */
export const stillReferenced = (code: string, count: number) => conflict(code, { count }, { count });

/** Secrets never go into the audit log, only the fact that they changed. */
function auditable(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = /password|Enc$|Index$/.test(k) ? '[changed]' : v;
  }
  return out;
}
