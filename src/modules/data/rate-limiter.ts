/**
 * A token bucket per department system, in this instance's memory: `rate` calls a second on
 * average, bursts up to one second's worth. Behind a load balancer each instance limits on its
 * own, so a system's cap is the rate times the instances — the daily quota, counted in the
 * database, is the exact limit.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** `nowMs`: a monotonic time (performance.now()), not the kernel clock: the bucket measures real seconds. */
  take(id: string, rate: number, nowMs: number): boolean {
    const b = this.buckets.get(id) ?? { tokens: rate, at: nowMs };
    b.tokens = Math.min(rate, b.tokens + (Math.max(0, nowMs - b.at) / 1000) * rate);
    b.at = nowMs;
    this.buckets.set(id, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
