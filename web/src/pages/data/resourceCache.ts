import { useEffect, useState } from 'react';
import { getApiLanguage } from '../../api/client.ts';
import { dataResources, type Resource } from './api.ts';

// A demand names its fields by key only: their names come from the resource, read once per page
// load and language (a published resource's fields hardly change while a list is open).
const cache = new Map<string, Promise<Resource>>();

export function loadResource(id: string): Promise<Resource> {
  const key = `${getApiLanguage()}:${id}`;
  let found = cache.get(key);
  if (!found) {
    found = dataResources.get(id);
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/** The resource of `id` (undefined while loading or when it cannot be read). */
export function useResource(id: string | undefined): Resource | undefined {
  const [resource, setResource] = useState<Resource>();
  useEffect(() => {
    if (!id) return;
    let live = true;
    loadResource(id)
      .then((r) => live && setResource(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return resource?.id === id ? resource : undefined;
}

/** The name of each field key of a resource, the key itself until the resource is read. */
export function useFieldNames(resourceId: string | undefined): (key: string) => string {
  const resource = useResource(resourceId);
  const names = new Map(resource?.fields.map((f) => [f.key, f.name]));
  return (key) => names.get(key) ?? key;
}
