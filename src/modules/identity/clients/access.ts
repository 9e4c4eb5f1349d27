import type { Actor } from '../../../kernel/actor.ts';
import { requireNodeAdmin } from '../../../kernel/auth.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { nodeCityCode } from '../../../kernel/settings.ts';

/**
 * Who manages the department systems and the provider's signing keys: a relying party and the
 * signing key serve the whole node, so only a node-level administrator (an `administrator`
 * grant over the node's whole city, not narrowed to a department) over HTTP, and the platform
 * itself, which is the operator's `yiwang client add` on the server. A county administrator
 * is refused (`403 NODE_ADMIN_REQUIRED`).
 */
export async function requireClientAdmin(db: Queryable, actor: Actor): Promise<void> {
  requireNodeAdmin(actor, actor.kind === 'system' ? null : await nodeCityCode(db));
}
