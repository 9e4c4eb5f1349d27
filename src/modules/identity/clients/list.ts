import type { Actor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { requireClientAdmin } from './access.ts';
import type { Client } from './schemas.ts';
import { clientView, type ClientRow } from './store.ts';

/** Every relying party, YiWang's own web areas first. */
export async function listClients(ctx: AppContext, actor: Actor): Promise<Client[]> {
  await requireClientAdmin(ctx.db, actor);
  const rows = await ctx.db.query<ClientRow>('select * from oidc_client order by first_party desc, created_at');
  return rows.map(clientView);
}
