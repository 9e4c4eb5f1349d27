import * as OTPAuth from 'otpauth';
/**
 * A tiny user agent for driving server-rendered flows over HTTP: it keeps cookies per origin
 * and follows redirects by hand, so a test can stop at the URL it cares about.
 */
export class CookieClient {
  private readonly jar = new Map<string, string>();

  constructor(private readonly userAgent?: string) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), 'accept-language': 'zh-CN' };
    if (this.userAgent) headers['user-agent'] = this.userAgent;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.store(res);
    return res;
  }

  /** Follow redirects until `stop` matches the next location (returned) or a page is reached. */
  async follow(url: string, stop: (location: string) => boolean, init?: { method?: string; form?: Record<string, string> }) {
    let res = await this.request(url, init);
    let current = url;
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      const location = new URL(res.headers.get('location')!, current).toString();
      if (stop(location)) return { location, res };
      current = location;
      res = await this.request(location);
    }
    return { location: current, res };
  }
}

/** The CSRF token of a provider page's form. */
export const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/**
 * Authenticator codes for test accounts: the secret shown at enrolment is kept per server and
 * account. A TOTP step is accepted once only, so successive sign-ins use successive steps
 * (the provider accepts one step either side of now) and wait when they run out.
 */
const authenticators = new Map<string, { secret: string; lastStep: number }>();

export async function nextTotpCode(key: string): Promise<string> {
  const entry = authenticators.get(key);
  if (!entry) throw new Error(`no authenticator enrolled for ${key}`);
  const now = () => Math.floor(Date.now() / 30_000);
  const step = Math.max(entry.lastStep + 1, now() - 1);
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 1000));
  entry.lastStep = step;
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(entry.secret), timestamp: step * 30_000 });
}

export function rememberAuthenticator(key: string, secret: string) {
  authenticators.set(key, { secret, lastStep: 0 });
}

/**
 * Sign in the way a browser does: the web areas' sign-in through the OpenID Provider's page,
 * answering the authenticator steps of administrators (enrolling at the first sign-in).
 * Returns the session cookie ("yw_session=…") for API calls.
 */
export async function signIn(baseUrl: string, username: string, password: string, options: { actAs?: string; userAgent?: string } = {}): Promise<string> {
  const ua = new CookieClient(options.userAgent);
  const atLogin = await ua.follow(`${baseUrl}/api/auth/start?next=/`, () => false);
  const uid = new URL(atLogin.location).pathname.split('/').pop()!;
  const step = `${baseUrl}/oidc/interaction/${uid}`;
  const home = (l: string) => new URL(l).pathname === '/';
  let done = await ua.follow(`${step}/login`, home, { form: { username, password, csrf: csrfOf(await atLogin.res.text()) } });
  const key = `${baseUrl}|${username}`;
  for (let hops = 0; hops < 4 && !ua.cookie('yw_session') && done.res.status === 200; hops++) {
    const html = await done.res.text();
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(html)?.[1];
    if (secret) rememberAuthenticator(key, secret);
    const action = /action="\/oidc\/interaction\/[^/]+\/(totp|enrol|choose)"/.exec(html)?.[1];
    if (!action) break;
    const form: Record<string, string> = { csrf: csrfOf(html) };
    if (action === 'choose') form.actAs = options.actAs ?? 'self';
    else form.code = await nextTotpCode(key);
    done = await ua.follow(`${step}/${action}`, home, { form });
  }
  const session = ua.cookie('yw_session');
  if (!session) throw new Error(`sign-in of ${username} failed: ${done.res.status} at ${done.location}`);
  return `yw_session=${session}`;
}
