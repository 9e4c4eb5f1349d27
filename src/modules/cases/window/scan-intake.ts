import type { Actor } from '../../../kernel/actor.ts';
import { requireRole } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { WINDOW_ROLES } from './window.ts';
import { storeScan } from './scans.ts';

/**
 * A material scanned at the counter before the application exists: only window staff scan, and
 * what comes back is the ticket the application names it by, with what was stored.
 */
export async function receiveWindowScan(ctx: AppContext, actor: Actor, fileName: string | undefined, content: Buffer) {
  const clerk = requireRole(actor, WINDOW_ROLES);
  const { ticket, scan } = await storeScan(ctx, clerk, fileName, content);
  return { ticket, fileName: scan.fileName, mime: scan.mime, size: scan.size };
}
