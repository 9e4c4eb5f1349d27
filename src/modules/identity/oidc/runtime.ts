import type { FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { AppContext } from '../../../kernel/context.ts';
import { keyGeneration } from './keys.ts';
import { createProvider, OIDC_PREFIX } from './provider.ts';
import * as clock from '../../../kernel/clock.ts';

/**
 * Where the provider lives. Its issuer is the node's public URL, from configuration or, in
 * development and tests, the loopback port the request arrived on; it is created on first use.
 * The signing keys are fixed when a provider is created, so every instance looks at the key
 * table at most every few seconds and rebuilds its provider after a rotation anywhere.
 */
export interface OidcRuntime {
  baseUrl(req: FastifyRequest): string;
  issuer(req: FastifyRequest): string;
  provider(req: FastifyRequest): Promise<Provider>;
  /** Rebuild at the next request (after this instance rotated the keys). */
  reload(): void;
}

const KEY_CHECK_MS = 5_000;

export function oidcRuntime(ctx: AppContext): OidcRuntime {
  let current: { provider: Promise<Provider>; generation: string } | undefined;
  let checkedAt = 0;
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl || `http://localhost:${req.socket.localPort}`;
  const issuer = (req: FastifyRequest) => `${baseUrl(req)}${OIDC_PREFIX}`;

  async function provider(req: FastifyRequest): Promise<Provider> {
    if (current && clock.nowMs() - checkedAt < KEY_CHECK_MS) return current.provider;
    checkedAt = clock.nowMs();
    const generation = await keyGeneration(ctx.db);
    if (!current || current.generation !== generation) {
      const built = createProvider(ctx, issuer(req));
      current = { provider: built, generation };
      built.catch(() => {
        if (current?.provider === built) current = undefined;
      });
      // the first build may itself create the first key: note the generation it made
      void built.then(async () => {
        if (current?.provider === built) current.generation = await keyGeneration(ctx.db);
      }, () => undefined);
    }
    return current.provider;
  }

  return {
    baseUrl,
    issuer,
    provider,
    reload() {
      checkedAt = 0;
      current = undefined;
    },
  };
}
