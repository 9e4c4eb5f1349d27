import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * Refused money input is audited even though nothing else is written: the audit entry goes in
 * its own transaction because the refused one rolls back.
 */
export async function auditRefusal(db: Db, actor: Actor, action: string, err: unknown, details: Record<string, unknown> = {}) {
  if (!(err instanceof AppError) || err.status >= 500) return;
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action,
      objectType: 'payment_refusal',
      details: { code: err.code, ...(err.details && typeof err.details === 'object' ? { error: err.details } : {}), ...details },
    }),
  );
}

/** Run `fn`; when it refuses, audit the refusal and pass the error on. */
export async function audited<T>(db: Db, actor: Actor, action: string, fn: () => Promise<T>, details?: Record<string, unknown>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    await auditRefusal(db, actor, action, err, details);
    throw err;
  }
}
