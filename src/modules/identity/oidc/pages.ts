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
button.secondary{background:#eef2f8;color:#333}.error{color:#c0392b;margin:8px 0}.notice{color:#1d7a3a;margin:8px 0}.client{color:#666}
.tabs{display:flex;gap:16px;border-bottom:1px solid #e3e8f0;margin-bottom:8px}.tabs a{padding:8px 0;color:#555;text-decoration:none}.tabs a.on{color:#1456b8;border-bottom:2px solid #1456b8}
.links{margin-top:16px;text-align:center;font-size:14px}.links a{color:#1456b8}.qr{text-align:center}code{font-size:15px;letter-spacing:1px;word-break:break-all}
button.choice{text-align:left}button.choice small{display:block;color:#666;font-size:12px;margin-top:2px}
</style></head><body><main>${body}</main></body></html>`;
}

const field = (lang: Lang, id: string, attrs: string) =>
  `<label for="${id}">${escapeHtml(t(lang, `oidc.field.${id}`))}</label><input id="${id}" name="${id}" ${attrs}>`;
const hidden = (csrf: string) => `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`;
const errorLine = (error?: string) => (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '');
const noticeLine = (notice?: string) => (notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : '');
const action = (uid: string, step: string) => `/oidc/interaction/${encodeURIComponent(uid)}/${step}`;

export interface LoginView {
  uid: string;
  csrf: string;
  client: string;
  method: 'password' | 'sms';
  error?: string;
  notice?: string;
  phone?: string;
}

/** Password sign-in, or SMS code sign-in for citizens (two submit buttons: send code, sign in). */
export function loginPage(lang: Lang, v: LoginView): string {
  const tabs = `<nav class="tabs"><a href="?method=password" class="${v.method === 'password' ? 'on' : ''}">${escapeHtml(t(lang, 'oidc.login.byPassword'))}</a><a href="?method=sms" class="${v.method === 'sms' ? 'on' : ''}" id="tab-sms">${escapeHtml(t(lang, 'oidc.login.bySms'))}</a></nav>`;
  const form =
    v.method === 'password'
      ? `<form method="post" action="${action(v.uid, 'login')}" autocomplete="on">${hidden(v.csrf)}
${field(lang, 'username', 'required maxlength="64" autocomplete="username" autofocus')}
${field(lang, 'password', 'type="password" required maxlength="128" autocomplete="current-password"')}
<button type="submit">${escapeHtml(t(lang, 'oidc.login.submit'))}</button></form>`
      : `<form method="post" action="${action(v.uid, 'sms-login')}">${hidden(v.csrf)}
${field(lang, 'phone', `inputmode="numeric" required maxlength="11" autocomplete="tel" value="${escapeHtml(v.phone ?? '')}"${v.phone ? '' : ' autofocus'}`)}
<button type="submit" class="secondary" id="send-code" formaction="${action(v.uid, 'sms-send')}" formnovalidate>${escapeHtml(t(lang, 'oidc.login.sendCode'))}</button>
${field(lang, 'code', `inputmode="numeric" maxlength="6" autocomplete="one-time-code"${v.phone ? ' autofocus' : ''}`)}
<button type="submit">${escapeHtml(t(lang, 'oidc.login.submit'))}</button></form>`;
  return page(
    lang,
    t(lang, 'oidc.login.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.login.title'))}</h1>
<p class="client">${escapeHtml(t(lang, 'oidc.login.for', { client: v.client }))}</p>
${tabs}${errorLine(v.error)}${noticeLine(v.notice)}${form}
<p class="links"><a href="/register">${escapeHtml(t(lang, 'oidc.login.register'))}</a> · <a href="/reset-password">${escapeHtml(t(lang, 'oidc.login.forgot'))}</a></p>`,
  );
}

/** Second factor: the code of the authenticator app. */
export function totpPage(lang: Lang, uid: string, csrf: string, error?: string): string {
  return page(
    lang,
    t(lang, 'oidc.totp.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.totp.title'))}</h1><p>${escapeHtml(t(lang, 'oidc.totp.ask'))}</p>${errorLine(error)}
<form method="post" action="${action(uid, 'totp')}">${hidden(csrf)}
${field(lang, 'code', 'inputmode="numeric" required maxlength="6" autocomplete="one-time-code" autofocus')}
<button type="submit">${escapeHtml(t(lang, 'oidc.totp.submit'))}</button></form>`,
  );
}

/** Compulsory enrolment of administrators who have no second factor yet. */
export function enrolPage(lang: Lang, uid: string, csrf: string, enrolment: { qr: string; secret: string }, error?: string): string {
  return page(
    lang,
    t(lang, 'oidc.enrol.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.enrol.title'))}</h1><p>${escapeHtml(t(lang, 'oidc.enrol.why'))}</p>
<p class="qr"><img src="${escapeHtml(enrolment.qr)}" alt="${escapeHtml(t(lang, 'oidc.enrol.qr'))}" width="200" height="200"></p>
<p class="client">${escapeHtml(t(lang, 'oidc.enrol.secret'))}<br><code id="totp-secret">${escapeHtml(enrolment.secret)}</code></p>${errorLine(error)}
<form method="post" action="${action(uid, 'enrol')}">${hidden(csrf)}
${field(lang, 'code', 'inputmode="numeric" required maxlength="6" autocomplete="one-time-code" autofocus')}
<button type="submit">${escapeHtml(t(lang, 'oidc.enrol.submit'))}</button></form>`,
  );
}

/** A client asks for a higher 实名等级 than the account has. Level 2 can be reached here. */
export function stepUpPage(lang: Lang, uid: string, csrf: string, required: number, error?: string): string {
  const online = required === 2;
  return page(
    lang,
    t(lang, 'oidc.stepup.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.stepup.title'))}</h1><p>${escapeHtml(t(lang, online ? 'oidc.stepup.level2' : 'oidc.stepup.level3'))}</p>${errorLine(error)}
${online ? `<form method="post" action="${action(uid, 'stepup')}">${hidden(csrf)}
${field(lang, 'name', 'required maxlength="50" autocomplete="name" autofocus')}
${field(lang, 'idNumber', 'required maxlength="18" autocomplete="off"')}
<button type="submit">${escapeHtml(t(lang, 'oidc.stepup.submit'))}</button></form>` : ''}
<form method="post" action="${action(uid, 'abort')}">${hidden(csrf)}<button type="submit" class="secondary">${escapeHtml(t(lang, 'oidc.stepup.cancel'))}</button></form>`,
  );
}

/** A person who may act for enterprises chooses for whom they act in this sign-in. */
export function choosePage(lang: Lang, uid: string, csrf: string, personName: string, options: { enterpriseId: string; name: string; uscc: string; role: string }[]): string {
  const buttons = options
    .map((o) => `<button type="submit" name="actAs" value="${escapeHtml(o.enterpriseId)}" class="secondary choice">${escapeHtml(o.name)}<small>${escapeHtml(o.uscc)} · ${escapeHtml(t(lang, `oidc.choose.role.${o.role}`))}</small></button>`)
    .join('');
  return page(
    lang,
    t(lang, 'oidc.choose.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.choose.title'))}</h1><p>${escapeHtml(t(lang, 'oidc.choose.ask'))}</p>
<form method="post" action="${action(uid, 'choose')}">${hidden(csrf)}
<button type="submit" name="actAs" value="self" class="choice">${escapeHtml(t(lang, 'oidc.choose.self', { name: personName }))}</button>${buttons}</form>`,
  );
}

export function consentPage(lang: Lang, uid: string, csrf: string, clientName: string, scopes: string[]): string {
  const items = scopes.map((s) => `<li>${escapeHtml(t(lang, `oidc.scope.${s}`))}</li>`).join('');
  return page(
    lang,
    t(lang, 'oidc.consent.title'),
    `<h1>${escapeHtml(t(lang, 'oidc.consent.title'))}</h1>
<p>${escapeHtml(t(lang, 'oidc.consent.asks', { client: clientName }))}</p><ul>${items}</ul>
<form method="post" action="${action(uid, 'confirm')}">${hidden(csrf)}<button type="submit">${escapeHtml(t(lang, 'oidc.consent.allow'))}</button></form>
<form method="post" action="${action(uid, 'abort')}">${hidden(csrf)}<button type="submit" class="secondary">${escapeHtml(t(lang, 'oidc.consent.deny'))}</button></form>`,
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
