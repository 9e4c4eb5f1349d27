import type { FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { AppContext } from '../../../kernel/context.ts';
import { createProvider, OIDC_PREFIX } from './provider.ts';

/**
 * Where the provider lives. Its issuer is the node's public URL, from configuration or, in
 * development and tests, the loopback port the request arrived on; it is created on first use.
 */
export interface OidcRuntime {
  baseUrl(req: FastifyRequest): string;
  issuer(req: FastifyRequest): string;
  provider(req: FastifyRequest): Promise<Provider>;
}

export function oidcRuntime(ctx: AppContext): OidcRuntime {
  let provider: Promise<Provider> | undefined;
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl || `http://localhost:${req.socket.localPort}`;
  const issuer = (req: FastifyRequest) => `${baseUrl(req)}${OIDC_PREFIX}`;
  return {
    baseUrl,
    issuer,
    provider: (req) => (provider ??= createProvider(ctx, issuer(req))),
  };
}
