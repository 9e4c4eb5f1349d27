import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/index.ts';
import { outboxStats } from '../events/outbox.ts';

export interface HttpMetrics {
  registry: Registry;
  observe(method: string, route: string, status: number, seconds: number): void;
}

export function createMetrics(db: Db): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'yiwang_' });
  const duration = new Histogram({
    name: 'yiwang_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Read at scrape time, so every instance reports the shared queue, not a local copy.
  new Gauge({
    name: 'yiwang_outbox_events',
    help: 'Outbox events by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      try {
        const s = await outboxStats(db);
        this.set({ state: 'pending' }, s.pending);
        this.set({ state: 'due' }, s.due);
        this.set({ state: 'dead' }, s.dead);
      } catch {
        // database down: /readyz reports it; the scrape still succeeds
      }
    },
  });
  return {
    registry,
    observe: (method, route, status, seconds) => duration.observe({ method, route, status: String(status) }, seconds),
  };
}
