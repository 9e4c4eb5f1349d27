import * as oidc from 'openid-client';
import * as OTPAuth from 'otpauth';
/**
 * A tiny user agent for driving server-rendered flows over HTTP: it keeps cookies per origin
 * and follows redirects by hand, so a test can stop at the URL it cares about.
 */
export class CookieClient {
  private readonly jar = new Map<string, string>();

  private readonly userAgent?: string;

  constructor(userAgent?: string) {
    this.userAgent = userAgent;
  }

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
  // The current step, not the one before: the provider accepts a code until the step after it
  // ends, so a sign-in on a loaded machine has 30–60 s, not 0–30 s, to reach the check.
  const step = Math.max(entry.lastStep + 1, now());
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 1000));
  entry.lastStep = step;
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(entry.secret), timestamp: step * 30_000 });
}

export function rememberAuthenticator(key: string, secret: string) {
  authenticators.set(key, { secret, lastStep: 0 });
}

/** Whether the account behind `key` ("<server url>|<username>") answers authenticator steps. */
export const hasAuthenticator = (key: string) => authenticators.has(key);

/**
 * Sign in the way a browser does: the web areas' sign-in through the OpenID Provider's page,
 * answering the authenticator steps of administrators (enrolling at the first sign-in).
 * Returns the session cookie ("yw_session=…") for API calls.
 */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  options: { actAs?: string; userAgent?: string } = {},
): Promise<string> {
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

export interface RpSignIn {
  /** The redirect back to the relying party with the code, or '' when the sign-in stopped on a page. */
  callback: string;
  verifier: string;
  state: string;
  /** The step-up page, when the provider showed one. */
  stepUp?: string;
}

/**
 * A relying party's code + PKCE sign-in on the provider's pages, answering the pages a person
 * may meet on the way: choosing whom to act for, a level step-up, and consent. A step-up is
 * first answered wrongly (it must be refused with 422), then rightly.
 */
export async function rpSignIn(
  baseUrl: string,
  config: oidc.Configuration,
  who: { username: string; password: string },
  options: {
    redirectUri: string;
    scope?: string;
    acr?: string;
    prompt?: string;
    actAs?: string;
    stepUp?: { name: string; idNumber: string };
  },
): Promise<RpSignIn> {
  const ua = new CookieClient();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile yiwang',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...(options.acr ? { acr_values: options.acr } : {}),
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });
  const atRp = (l: string) => l.startsWith(options.redirectUri);
  const step = (uid: string, name: string) => `${baseUrl}/oidc/interaction/${uid}/${name}`;
  const toLogin = await ua.follow(url.toString(), () => false);
  const loginHtml = await toLogin.res.text();
  if (!loginHtml.includes('统一身份认证登录')) throw new Error(`no sign-in page at ${toLogin.location}`);
  const uid = new URL(toLogin.location).pathname.split('/').pop()!;
  const csrf = csrfOf(loginHtml);
  let res = await ua.follow(step(uid, 'login'), atRp, { form: { ...who, csrf } });
  let stepUp: string | undefined;
  for (let hops = 0; hops < 4 && !atRp(res.location); hops++) {
    const html = await res.res.text();
    if (html.includes('/choose"')) {
      res = await ua.follow(step(uid, 'choose'), atRp, { form: { actAs: options.actAs ?? 'self', csrf } });
    } else if (html.includes('/stepup"') || html.includes('需要提升实名等级')) {
      stepUp = html;
      if (!options.stepUp) break;
      const wrong = await ua.request(step(uid, 'stepup'), { form: { name: '别人', idNumber: options.stepUp.idNumber, csrf } });
      if (wrong.status !== 422) throw new Error(`a wrong step-up answer got ${wrong.status}`);
      res = await ua.follow(step(uid, 'stepup'), atRp, { form: { ...options.stepUp, csrf } });
    } else if (html.includes('授权确认')) {
      const consentUid = new URL(res.location).pathname.split('/').pop()!;
      res = await ua.follow(step(consentUid, 'confirm'), atRp, { form: { csrf: csrfOf(html) } });
    } else break;
  }
  return { callback: atRp(res.location) ? res.location : '', verifier, state, stepUp };
}
