import { useEffect, useState } from 'react';
import { departments } from '../../../api/org.ts';

// Types list few departments and repeat them: one request per department per page load.
const cache = new Map<string, Promise<string>>();
const nameOf = (id: string) => {
  let p = cache.get(id);
  if (!p) {
    p = departments.get(id).then((d) => d.name, () => id);
    cache.set(id, p);
  }
  return p;
};

export function DepartmentNames({ ids }: { ids: string[] }) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all(ids.map(nameOf)).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [ids]);
  return <span>{names.join('、')}</span>;
}
