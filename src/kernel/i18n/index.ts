import { readFileSync } from 'node:fs';

/**
 * Server-side messages (errors, names of roles and sectors). zh-CN is the default and must
 * be complete; a key missing in en-US falls back to zh-CN rather than showing a raw key.
 */
export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

type Messages = Record<string, string>;
const load = (lang: Lang): Messages =>
  JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), 'utf8')) as Messages;
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
