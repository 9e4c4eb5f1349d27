import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every response: API answers, the web app and its assets, the
 * OpenID Provider's pages (ours and the provider's own) and Swagger UI alike.
 */
export function contentSecurityPolicy(options: { https: boolean }): string {
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    // our scripts only, from files: the built web app, Swagger UI's bundle and initialiser. No
    // inline script anywhere; the one the OpenID Provider writes (the form_post response's
    // auto-submit) gets its own sha256 from oidc-provider, which appends it to this directive.
    ['script-src', "'self'"],
    ['script-src-attr', "'none'"],
    // Ant Design's CSS-in-JS inserts <style> elements at run time and its components (and
    // Swagger UI's) set style attributes; the provider's server-rendered pages carry one <style>
    // block. Inline styles cannot run code, so 'unsafe-inline' here is accepted; scripts never.
    ['style-src', "'self' 'unsafe-inline'"],
    // data: for the TOTP enrolment QR code and Ant Design's inline images
    ['img-src', "'self' data:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    // never framed by another site (clickjacking of the sign-in page); X-Frame-Options below for
    // browsers that predate frame-ancestors
    ['frame-ancestors', "'none'"],
    // No form-action: the sign-in forms post to us, but a successful sign-in then redirects (or
    // form-posts) the browser to the relying party's registered redirect URI on another host,
    // and browsers apply form-action to those redirects too.
  ];
  if (options.https) directives.push(['upgrade-insecure-requests', '']);
  return directives.map(([name, value]) => (value ? `${name} ${value}` : name)).join('; ');
}

/** Every header set on every response, in the order they are written. */
export function securityHeaders(options: { secureCookies: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ https: options.secureCookies }),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // the portal's "nearest hall" asks for the position on our own origin; nothing else is used
    'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
    // HTTPS only: secure cookies are the operator's statement that users reach us over HTTPS
    ...(options.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * One hook for the whole app, first of all hooks. The headers go on the raw response, not the
 * reply: responses written outside Fastify's reply (the OpenID Provider, which takes over the
 * response) carry them too, and a route that answers with its own value of a header (a stored
 * file's stricter policy) still wins, since headers given to writeHead take precedence.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { secureCookies: boolean }): void {
  const headers = Object.entries(securityHeaders(options));
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
