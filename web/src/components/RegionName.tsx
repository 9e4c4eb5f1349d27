import { useEffect, useState } from 'react';
import { loadRegion } from '../api/regionCache.ts';
import { useT } from '../i18n/useT.ts';

/** The name of a region code (the code itself until, or if never, resolved). */
export function RegionName({ code }: { code: string }) {
  const { lang } = useT();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setName(null);
    loadRegion(code)
      .then((r) => live && setName(r.name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [code, lang]);
  return <span title={code}>{name ?? code}</span>;
}
