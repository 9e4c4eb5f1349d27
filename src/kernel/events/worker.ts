import type { Db, Tx } from '../db/index.ts';

/** An event as a handler gets it; `on(topic, …)` gives the payload its topic's type. */
export interface ClaimedEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  payload: P;
  regionCode: string | null;
  attempts: number;
}

/**
 * A handler runs inside the claiming transaction: its database writes commit together with
 * the event being marked done, so a crash in between redoes both or neither.
 */
export type EventHandler<P = Record<string, unknown>> = (event: ClaimedEvent<P>, tx: Tx) => Promise<void>;
/** The worker's view: one handler per topic name (several modules' handlers chained, subscription.ts). */
export type HandlerMap = Record<string, EventHandler>;

export interface WorkerOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** Seconds to wait before retry n (1-based). */
  backoff?: (attempt: number) => number;
  onError?: (event: ClaimedEvent, err: unknown) => void;
}

const defaultBackoff = (attempt: number) => Math.min(3600, 5 * 2 ** (attempt - 1));

interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  region_code: string | null;
  attempts: number;
  [key: string]: unknown;
}

/**
 * Claim and process due events once. Each event is claimed in its own transaction with
 * FOR UPDATE SKIP LOCKED, so N workers in N instances never take the same event and one
 * slow event does not hold the others. Returns how many events were handled.
 */
export async function processDueEvents(db: Db, handlers: HandlerMap, options: WorkerOptions = {}): Promise<number> {
  const { batchSize = 50, maxAttempts = 8, backoff = defaultBackoff } = options;
  const topics = Object.keys(handlers);
  if (topics.length === 0) return 0;
  // An event that failed in this run waits for its backoff, even a zero one, until the next run.
  const seen: string[] = [];
  let handled = 0;
  for (; handled < batchSize; handled++) {
    const outcome = await db.transaction(async (tx) => {
      const row = await tx.one<OutboxRow>(
        `select id, topic, payload, region_code, attempts from outbox_event
          where status = 'pending' and due_at <= clock_now() and topic = any($1) and id <> all($2::uuid[])
          order by due_at
          limit 1
          for update skip locked`,
        [topics, seen],
      );
      if (!row) return 'empty' as const;
      seen.push(row.id);
      const event: ClaimedEvent = {
        id: row.id,
        topic: row.topic,
        payload: row.payload,
        regionCode: row.region_code,
        attempts: row.attempts,
      };
      try {
        // A savepoint keeps the claim when the handler fails half-way through its writes.
        await tx.exec('savepoint handler');
        await handlers[row.topic]!(event, tx);
        await tx.query(`update outbox_event set status = 'done', attempts = attempts + 1, processed_at = clock_now() where id = $1`, [
          row.id,
        ]);
      } catch (err) {
        await tx.exec('rollback to savepoint handler');
        options.onError?.(event, err);
        const attempts = row.attempts + 1;
        const dead = attempts >= maxAttempts;
        await tx.query(
          `update outbox_event
              set attempts = $2, last_error = $3, status = $4,
                  due_at = clock_now() + make_interval(secs => $5)
            where id = $1`,
          [row.id, attempts, String((err as Error)?.message ?? err).slice(0, 2000), dead ? 'dead' : 'pending', backoff(attempts)],
        );
      }
      return 'handled' as const;
    });
    if (outcome === 'empty') break;
  }
  return handled;
}

export interface WorkerLoop {
  stop(): Promise<void>;
}

/** Poll for due events until stopped; used by `yiwang serve`. */
export function startWorkerLoop(db: Db, handlers: HandlerMap, options: WorkerOptions & { intervalMs?: number } = {}): WorkerLoop {
  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = processDueEvents(db, handlers, options)
      .catch((err) => options.onError?.({ id: '', topic: '', payload: {}, regionCode: null, attempts: 0 }, err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
