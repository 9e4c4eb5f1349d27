import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client.ts';
import { loadLang, storeLang, translate, type Lang, type MessageKey, type Params } from './messages.ts';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Text of a resource key. */
  t(key: MessageKey, params?: Params): string;
  /** Text of a key built at run time (`role.${code}`), or `fallback` when there is none. */
  tx(key: string, fallback: string, params?: Params): string;
}

export const I18nContext = createContext<I18n | null>(null);

const initialLang = loadLang();
setApiLanguage(initialLang);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setApiLanguage(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params) ?? key,
      tx: (key, fallback, params) => translate(lang, key, params) ?? fallback,
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
