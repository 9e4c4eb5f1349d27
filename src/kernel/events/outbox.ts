import type { Static, TSchema } from 'typebox';
import type { Queryable, Tx } from '../db/index.ts';
import { uuidv7 } from '../ids.ts';
import { checkPayload } from './payload-check.ts';
import type { Topic } from './topic.ts';

export interface EmitOptions {
  regionCode?: string | null;
  /** When the event becomes due; later than now makes it a timer. */
  dueAt?: Date;
  /** Emitting the same key again is a no-op (e.g. one reminder per case and day). */
  dedupeKey?: string;
}

/**
 * Write an event in the caller's transaction; it is delivered only if that transaction commits.
 * An event of a terminal topic (no consumer, kept as a fact) is stored done at once, so it
 * never waits in the outbox nor counts as pending.
 */
export async function emit<S extends TSchema>(tx: Tx, topic: Topic<S>, payload: Static<S>, options: EmitOptions = {}): Promise<string> {
  checkPayload(topic, payload);
  const id = uuidv7();
  await tx.query(
    `insert into outbox_event (id, topic, payload, region_code, due_at, dedupe_key, status, processed_at)
     values ($1, $2, $3, $4, coalesce($5, clock_now()), $6, $7::text, case when $7::text = 'done' then clock_now() end)
     on conflict (dedupe_key) do nothing`,
    [
      id,
      topic.name,
      JSON.stringify(payload),
      options.regionCode ?? null,
      options.dueAt?.toISOString() ?? null,
      options.dedupeKey ?? null,
      topic.terminal ? 'done' : 'pending',
    ],
  );
  return id;
}

/**
 * Whether an event with this dedupe key was ever emitted (in any state). A plain read: a caller
 * that would emit the same key on every request checks first, so it does not queue behind the
 * first emitter's uncommitted insert of the key.
 */
export async function eventEmitted(q: Queryable, dedupeKey: string): Promise<boolean> {
  return (await q.one('select 1 as x from outbox_event where dedupe_key = $1', [dedupeKey])) !== undefined;
}

export interface OutboxStats {
  pending: number;
  due: number;
  dead: number;
}

export async function outboxStats(db: Queryable): Promise<OutboxStats> {
  const row = await db.one<{ pending: number; due: number; dead: number }>(
    `select count(*) filter (where status = 'pending') as pending,
            count(*) filter (where status = 'pending' and due_at <= clock_now()) as due,
            count(*) filter (where status = 'dead') as dead
       from outbox_event`,
  );
  return { pending: Number(row?.pending ?? 0), due: Number(row?.due ?? 0), dead: Number(row?.dead ?? 0) };
}
