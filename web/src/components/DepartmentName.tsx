import { useEffect, useState } from 'react';
import { departments } from '../api/org.ts';

const names = new Map<string, Promise<string>>();

/** The name of a department id ("—" while unknown or not visible to this user). */
export function DepartmentName({ id }: { id: string | null }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return setName(null);
    let live = true;
    let found = names.get(id);
    if (!found) {
      found = departments.get(id).then((d) => d.name);
      found.catch(() => names.delete(id));
      names.set(id, found);
    }
    found.then((n) => live && setName(n)).catch(() => live && setName(null));
    return () => {
      live = false;
    };
  }, [id]);
  return <span>{name ?? '—'}</span>;
}
