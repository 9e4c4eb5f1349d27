import { useContext } from 'react';
import { I18nContext, type I18n } from './I18nProvider.tsx';

/** `const { t, lang, setLang } = useT();` inside any component under <I18nProvider>. */
export function useT(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() used outside <I18nProvider>');
  return i18n;
}
