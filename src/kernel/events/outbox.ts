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
  return (await emitAll(tx, topic, [{ payload, ...options }]))[0]!;
}

/** One event of a list given to emitAll: its payload and its own options. */
export type EventOf<S extends TSchema> = { payload: Static<S> } & EmitOptions;

/** emit for a list of events of one topic, in one statement (a whole list of items published at once). */
export async function emitAll<S extends TSchema>(tx: Tx, topic: Topic<S>, events: EventOf<S>[]): Promise<string[]> {
  const ids = events.map(() => uuidv7());
  if (!events.length) return ids;
  for (const e of events) checkPayload(topic, e.payload);
  await tx.query(
    `insert into outbox_event (id, topic, payload, region_code, due_at, dedupe_key, status, processed_at)
     select id, $2, payload::jsonb, region_code, coalesce(due_at, clock_now()), dedupe_key, $7::text, case when $7::text = 'done' then clock_now() end
     from unnest($1::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) as e(id, payload, region_code, due_at, dedupe_key)
     on conflict (dedupe_key) do nothing`,
    [
      ids,
      topic.name,
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.regionCode ?? null),
      events.map((e) => e.dueAt?.toISOString() ?? null),
      events.map((e) => e.dedupeKey ?? null),
      topic.terminal ? 'done' : 'pending',
    ],
  );
  return ids;
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
