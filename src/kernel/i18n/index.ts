import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Server-side messages (errors, names of roles and sectors). zh-CN is the default and must
 * be complete; a key missing in en-US falls back to zh-CN rather than showing a raw key.
 */
export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

type Messages = Record<string, string>;
const readJson = (url: URL): Messages => JSON.parse(readFileSync(url, 'utf8')) as Messages;

/**
 * The kernel's messages plus each module's own `src/modules/<name>/i18n/<lang>.json` and
 * `<lang>.<part>.json` (one file per part of a large module), so a module adds its error codes
 * and names without editing a shared file. A key defined twice is a programming error and
 * stops the start.
 */
function load(lang: Lang): Messages {
  const merged: Messages = readJson(new URL(`./${lang}.json`, import.meta.url));
  const modulesDir = new URL('../../modules/', import.meta.url);
  const modules = existsSync(modulesDir) ? readdirSync(modulesDir).sort() : [];
  for (const name of modules) {
    const dir = new URL(`${name}/i18n/`, modulesDir);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f === `${lang}.json` || (f.startsWith(`${lang}.`) && f.endsWith('.json')));
    for (const f of files.sort()) {
      for (const [key, value] of Object.entries(readJson(new URL(f, dir)))) {
        if (key in merged) throw new Error(`i18n key ${key} of module ${name} (${f}) is already defined`);
        merged[key] = value;
      }
    }
  }
  return merged;
}
const resources: Record<Lang, Messages> = { 'zh-CN': load('zh-CN'), 'en-US': load('en-US') };

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = resources[lang][key] ?? resources['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function hasMessage(key: string): boolean {
  return key in resources['zh-CN'];
}

/** Language of a request: explicit `?lang=`, else the first Accept-Language we support. */
export function pickLang(acceptLanguage: string | undefined, explicit?: string): Lang {
  for (const candidate of [explicit, ...(acceptLanguage ?? '').split(',')]) {
    const tag = candidate?.split(';')[0]?.trim().toLowerCase();
    if (!tag) continue;
    if (tag.startsWith('en')) return 'en-US';
    if (tag.startsWith('zh')) return 'zh-CN';
  }
  return 'zh-CN';
}

export function allKeys(lang: Lang): string[] {
  return Object.keys(resources[lang]);
}
