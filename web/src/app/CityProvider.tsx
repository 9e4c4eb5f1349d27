import { createContext, useEffect, useState, type ReactNode } from 'react';
import { getConfig } from '../api/auth.ts';
import type { PublicConfig } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';

export interface City {
  /** 12-digit region code of the city, '' until /api/config answered. */
  code: string;
  /** The city's name, or a neutral placeholder until it is known. */
  name: string;
  loaded: boolean;
}

export const CityContext = createContext<City>({ code: '', name: '', loaded: false });

/** Loads the public configuration (the city this installation serves) once per language. */
export function CityProvider({ children }: { children: ReactNode }) {
  const { t, lang } = useT();
  const [config, setConfig] = useState<PublicConfig | null>(null);

  useEffect(() => {
    let live = true;
    getConfig()
      .then((c) => live && setConfig(c))
      .catch(() => live && setConfig(null));
    return () => {
      live = false;
    };
  }, [lang]);

  const city: City = config?.city
    ? { code: config.city.code, name: config.city.name, loaded: true }
    : { code: '', name: t('app.defaultCity'), loaded: false };
  return <CityContext.Provider value={city}>{children}</CityContext.Provider>;
}
