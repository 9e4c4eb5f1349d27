/**
 * A tiny user agent for driving server-rendered flows over HTTP: it keeps cookies per origin
 * and follows redirects by hand, so a test can stop at the URL it cares about.
 */
export class CookieClient {
  private readonly jar = new Map<string, string>();

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

/**
 * Sign in the way a browser does: the web areas' sign-in through the OpenID Provider's page.
 * Returns the session cookie ("yw_session=…") for API calls.
 */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const ua = new CookieClient();
  const atLogin = await ua.follow(`${baseUrl}/api/auth/start?next=/`, () => false);
  const uid = new URL(atLogin.location).pathname.split('/').pop()!;
  const done = await ua.follow(`${baseUrl}/oidc/interaction/${uid}/login`, (l) => new URL(l).pathname === '/', {
    form: { username, password },
  });
  const session = ua.cookie('yw_session');
  if (!session) throw new Error(`sign-in of ${username} failed: ${done.res.status} at ${done.location}`);
  return `yw_session=${session}`;
}
