import type { HttpApp } from '../module.ts';

/**
 * Registers routes whose body is the file's bytes as sent, whatever the Content-Type (the type
 * is judged from the content, never from the header), read up to `limit` bytes and no further.
 * The parsers are replaced inside an encapsulated plugin, so the JSON parsing of every other
 * route stays as it is.
 */
export function registerRawBodyRoutes(app: HttpApp, limit: number, routes: (scope: HttpApp) => void): void {
  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
    routes(scope);
  });
}

/** The bytes of such a route's request; none when the request came without a body. */
export const rawBody = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));
