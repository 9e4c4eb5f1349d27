import type { Actor } from '../../../kernel/actor.ts';
import { requireRole } from '../../../kernel/auth.ts';

/**
 * Who manages the department systems and the provider's signing keys: any administrator over
 * HTTP (a relying party serves the whole platform, so no region scope applies), and the platform
 * itself, which is the operator's `yiwang client add` on the server.
 */
export function requireClientAdmin(actor: Actor): void {
  if (actor.kind !== 'system') requireRole(actor, ['administrator']);
}
