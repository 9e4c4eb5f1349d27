import { App as AntdApp, ConfigProvider, theme as antdTheme, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import { useReducedMotion } from './useReducedMotion.ts';

const LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

export const BRAND = '#1456b8';
const light: ThemeConfig = { token: { colorPrimary: BRAND, borderRadius: 6 } };
const dark: ThemeConfig = { algorithm: antdTheme.darkAlgorithm, token: { colorPrimary: '#3b8cff', borderRadius: 6 } };

/**
 * antd in the UI language; `dark` for the cockpit; no animations for people who asked their
 * system for reduced motion. Gives message/notification/modal via App.
 */
export function AntdProvider({ children, dark: isDark = false }: { children: ReactNode; dark?: boolean }) {
  const { lang } = useT();
  const reduceMotion = useReducedMotion();
  const theme = useMemo<ThemeConfig>(() => {
    const base = isDark ? dark : light;
    return reduceMotion ? { ...base, token: { ...base.token, motion: false } } : base;
  }, [isDark, reduceMotion]);
  // Global and idempotent: set before the children (date pickers) render.
  dayjs.locale(DAYJS_LOCALES[lang]);
  return (
    <ConfigProvider locale={LOCALES[lang]} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
