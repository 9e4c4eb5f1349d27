import type { SearchQuery } from './api.ts';

/** The filters a visitor chose, kept in the address (?dept=&theme=person:birth&type=&online=1&page=) so a list can be shared and goes back right. */
export interface ChosenFilters {
  departmentId?: string;
  /** `<audience>:<code>` */
  theme?: string;
  typeCode?: string;
  online: boolean;
  page: number;
}

export function readFilters(params: URLSearchParams): ChosenFilters {
  const page = Number(params.get('page') ?? '1');
  return {
    departmentId: params.get('dept') || undefined,
    theme: params.get('theme') || undefined,
    typeCode: params.get('type') || undefined,
    online: params.get('online') === '1',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** A change of filter starts again at page 1; the search text (q) is kept. */
export function writeFilters(params: URLSearchParams, next: Partial<ChosenFilters>): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) => (value ? out.set(key, value) : out.delete(key));
  if ('departmentId' in next) set('dept', next.departmentId);
  if ('theme' in next) set('theme', next.theme);
  if ('typeCode' in next) set('type', next.typeCode);
  if ('online' in next) set('online', next.online ? '1' : undefined);
  set('page', next.page && next.page > 1 ? String(next.page) : undefined);
  return out;
}

/** The API query of what was chosen (the page's own fixed filters win). */
export function toQuery(chosen: ChosenFilters, fixed: Partial<SearchQuery>, pageSize: number): SearchQuery {
  const [audience, theme] = chosen.theme?.split(':') ?? [];
  return {
    ...(chosen.departmentId ? { departmentId: chosen.departmentId } : {}),
    ...(theme ? { theme, audience: audience as SearchQuery['audience'] } : {}),
    ...(chosen.typeCode ? { typeCode: chosen.typeCode } : {}),
    ...(chosen.online ? { online: true } : {}),
    ...fixed,
    limit: pageSize,
    offset: (chosen.page - 1) * pageSize,
  };
}
