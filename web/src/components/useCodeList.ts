import { useEffect, useState } from 'react';
import type { CodeName } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';

/** A small code list from the server (sectors, roles), reloaded when the language changes. */
export function useCodeList(load: () => Promise<{ items: CodeName[] }>): CodeName[] {
  const { lang } = useT();
  const [items, setItems] = useState<CodeName[]>([]);
  useEffect(() => {
    let live = true;
    load()
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [load, lang]);
  return items;
}
