import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/**
 * Route schemas are compiled on a route's first request, not at start-up. Compiling the request
 * validators (ajv) and response serializers (fast-json-stringify) of every route took about
 * 1.5 s of CPU at each start, five times the rest of building the app: an operator's restart
 * waited for it, and the test suite, which starts some 250 servers, spent a sixth of its CPU on
 * it. Most routes are called seldom in an instance's life. So that a broken schema still fails
 * before it is deployed, `compileRouteSchemas` compiles them all, and a test calls it.
 */

/** fast-json-stringify, as Fastify sets it up, building each route's serializer on first use. */
export const lazySerializers: SerializerSelector.SerializerFactory = (externalSchemas, options) => {
  const build = SerializerSelector()(externalSchemas, options);
  return (route) => {
    let serialize: SerializerSelector.Serializer | undefined;
    return (doc) => (serialize ??= build(route))(doc);
  };
};

/** The first call compiles; later calls use what it compiled. */
export function onFirstUse<F>(compile: () => F): () => F {
  let compiled: F | undefined;
  return () => (compiled ??= compile());
}

const tracked = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Keeps the routes `app` registers from now on, for `compileRouteSchemas`. */
export function trackRouteSchemas(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  tracked.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (route.schema) routes.push(route);
  });
}

const REQUEST_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/**
 * Compiles every schema of every route registered since `trackRouteSchemas`, as a first request
 * would: returns "METHOD url part: message" for each that does not compile.
 */
export function compileRouteSchemas(
  app: FastifyInstance,
  validatorCompiler: (route: { schema: unknown; method: string; url: string; httpPart: string }) => unknown,
): { compiled: number; failures: string[] } {
  const serializers = SerializerSelector()({}, {});
  const failures: string[] = [];
  let compiled = 0;
  for (const route of tracked.get(app) ?? []) {
    const method = [route.method].flat().join(',');
    const schema = route.schema as FastifySchema & { response?: Record<string, unknown> };
    const attempt = (part: string, fn: () => unknown) => {
      try {
        fn();
        compiled++;
      } catch (err) {
        failures.push(`${method} ${route.url} ${part}: ${(err as Error).message}`);
      }
    };
    for (const part of REQUEST_PARTS) {
      if (schema[part]) attempt(part, () => validatorCompiler({ schema: schema[part], method, url: route.url, httpPart: part }));
    }
    for (const [status, response] of Object.entries(schema.response ?? {})) {
      attempt(`response ${status}`, () => serializers({ schema: response, method, url: route.url, httpStatus: status }));
    }
  }
  return { compiled, failures };
}
