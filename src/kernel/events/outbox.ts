import type { Queryable, Tx } from '../db/index.ts';
import { uuidv7 } from '../ids.ts';

export interface DomainEvent {
  topic: string;
  payload?: Record<string, unknown>;
  regionCode?: string | null;
  /** When the event becomes due; later than now makes it a timer. */
  dueAt?: Date;
  /** Emitting the same key again is a no-op (e.g. one reminder per case and day). */
  dedupeKey?: string;
}

/** Write an event in the caller's transaction; it is delivered only if that transaction commits. */
export async function emit(tx: Tx, event: DomainEvent): Promise<string> {
  return (await emitAll(tx, [event]))[0]!;
}

/** emit for a list of events, in one statement (a whole list of items published at once). */
export async function emitAll(tx: Tx, events: DomainEvent[]): Promise<string[]> {
  const ids = events.map(() => uuidv7());
  if (!events.length) return ids;
  await tx.query(
    `insert into outbox_event (id, topic, payload, region_code, due_at, dedupe_key)
     select id, topic, payload::jsonb, region_code, coalesce(due_at, now()), dedupe_key
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) as e(id, topic, payload, region_code, due_at, dedupe_key)
     on conflict (dedupe_key) do nothing`,
    [
      ids,
      events.map((e) => e.topic),
      events.map((e) => JSON.stringify(e.payload ?? {})),
      events.map((e) => e.regionCode ?? null),
      events.map((e) => e.dueAt?.toISOString() ?? null),
      events.map((e) => e.dedupeKey ?? null),
    ],
  );
  return ids;
}

export interface OutboxStats {
  pending: number;
  due: number;
  dead: number;
}

export async function outboxStats(db: Queryable): Promise<OutboxStats> {
  const row = await db.one<{ pending: number; due: number; dead: number }>(
    `select count(*) filter (where status = 'pending') as pending,
            count(*) filter (where status = 'pending' and due_at <= now()) as due,
            count(*) filter (where status = 'dead') as dead
       from outbox_event`,
  );
  return { pending: Number(row?.pending ?? 0), due: Number(row?.due ?? 0), dead: Number(row?.dead ?? 0) };
}
