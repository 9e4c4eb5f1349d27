import { getApiLanguage } from './client.ts';
import { getRegion, getRegionChildren } from './regions.ts';
import type { Region } from './types.ts';

/**
 * Regions hardly ever change: every region and child list is fetched once per language and
 * shared by all tree selects, the region tree and the name look-ups.
 */
const regions = new Map<string, Promise<Region>>();
const children = new Map<string, Promise<Region[]>>();

const key = (code: string) => `${getApiLanguage()}:${code}`;

function remember(list: Region[]): void {
  for (const region of list) {
    if (!regions.has(key(region.code))) regions.set(key(region.code), Promise.resolve(region));
  }
}

export function loadRegion(code: string): Promise<Region> {
  let found = regions.get(key(code));
  if (!found) {
    found = getRegion(code);
    found.catch(() => regions.delete(key(code)));
    regions.set(key(code), found);
  }
  return found;
}

export function loadChildren(code: string): Promise<Region[]> {
  let found = children.get(key(code));
  if (!found) {
    found = getRegionChildren(code).then((list) => {
      remember(list);
      return list;
    });
    found.catch(() => children.delete(key(code)));
    children.set(key(code), found);
  }
  return found;
}

/** The region and its ancestors up to (and including) `stopAt` or the top, root first. */
export async function loadAncestry(code: string, stopAt?: string): Promise<Region[]> {
  const chain: Region[] = [];
  let next: string | null = code;
  while (next && chain.length < 6) {
    const region: Region = await loadRegion(next);
    chain.unshift(region);
    if (region.code === stopAt) break;
    next = region.parentCode;
  }
  return chain;
}
