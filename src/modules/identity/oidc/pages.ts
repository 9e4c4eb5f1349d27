import { t, type Lang } from '../../../kernel/i18n/index.ts';
import { escapeHtml } from '../../../kernel/html.ts';

/**
 * The provider's own pages (sign-in and consent). Plain server-rendered HTML: they must work
 * for every relying party, before any web app is loaded, and without JavaScript.
 */
export function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f0f4fa;margin:0;display:flex;justify-content:center}
main{background:#fff;margin:8vh 16px;padding:32px;border-radius:12px;max-width:380px;width:100%;box-shadow:0 4px 24px #1456b81a}
h1{font-size:20px;color:#1456b8;margin:0 0 20px}label{display:block;margin:12px 0 4px;color:#333}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #ccd;border-radius:6px;font-size:16px}
button{margin-top:20px;width:100%;padding:11px;border:0;border-radius:6px;background:#1456b8;color:#fff;font-size:16px;cursor:pointer}
button.secondary{background:#eef2f8;color:#333}.error{color:#c0392b;margin:8px 0}.client{color:#666}
</style></head><body><main>${body}</main></body></html>`;
}

export function loginPage(lang: Lang, uid: string, clientName: string, error?: string): string {
  return page(
    lang,
    t(lang, 'oidc.login.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.login.title'))}</h1>
<p class="client">${escapeHtml(t(lang, 'oidc.login.for', { client: clientName }))}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oidc/interaction/${escapeHtml(uid)}/login" autocomplete="on">
<label for="username">${escapeHtml(t(lang, 'oidc.login.username'))}</label>
<input id="username" name="username" required maxlength="64" autocomplete="username" autofocus>
<label for="password">${escapeHtml(t(lang, 'oidc.login.password'))}</label>
<input id="password" name="password" type="password" required maxlength="128" autocomplete="current-password">
<button type="submit">${escapeHtml(t(lang, 'oidc.login.submit'))}</button>
</form>`,
  );
}

export function consentPage(lang: Lang, uid: string, clientName: string, scopes: string[]): string {
  const items = scopes.map((s) => `<li>${escapeHtml(t(lang, `oidc.scope.${s}`))}</li>`).join('');
  return page(
    lang,
    t(lang, 'oidc.consent.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.consent.title'))}</h1>
<p>${escapeHtml(t(lang, 'oidc.consent.asks', { client: clientName }))}</p><ul>${items}</ul>
<form method="post" action="/oidc/interaction/${escapeHtml(uid)}/confirm"><button type="submit">${escapeHtml(t(lang, 'oidc.consent.allow'))}</button></form>
<form method="post" action="/oidc/interaction/${escapeHtml(uid)}/abort"><button type="submit" class="secondary">${escapeHtml(t(lang, 'oidc.consent.deny'))}</button></form>`,
  );
}

/** RP-initiated logout: oidc-provider supplies the form (with its CSRF token); we supply the words. */
export function logoutPage(lang: Lang, providerForm: string): string {
  const form = providerForm.replace('</form>', '');
  return page(
    lang,
    t(lang, 'oidc.logout.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.logout.title'))}</h1><p>${escapeHtml(t(lang, 'oidc.logout.ask'))}</p>
${form}<button type="submit" name="logout" value="yes" autofocus>${escapeHtml(t(lang, 'oidc.logout.yes'))}</button>
<button type="submit" class="secondary">${escapeHtml(t(lang, 'oidc.logout.no'))}</button></form>`,
  );
}

export function loggedOutPage(lang: Lang): string {
  return page(lang, t(lang, 'oidc.logout.done'), `<h1>${escapeHtml(t(lang, 'oidc.logout.done'))}</h1><p><a href="/">${escapeHtml(t(lang, 'oidc.logout.home'))}</a></p>`);
}
