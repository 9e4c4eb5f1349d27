import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';

/** What another module may know about a service window and its hall (reference data). */
export interface WindowRef {
  id: string;
  number: string;
  name: string;
  regionCode: string;
  departmentId: string | null;
  hallId: string;
  hallName: string;
}

export async function windowRef(q: Queryable, id: string): Promise<WindowRef | undefined> {
  return q.one<WindowRef & Record<string, unknown>>(
    `select w.id, w.number, w.name, w.region_code as "regionCode", w.department_id as "departmentId", h.id as "hallId", h.name as "hallName"
       from service_window w join hall h on h.id = w.hall_id where w.id = $1`,
    [id],
  );
}

/** Every window in a region subtree, by hall and number. */
export async function windowRefsInRegion(q: Queryable, regionCode: string): Promise<WindowRef[]> {
  return q.query<WindowRef & Record<string, unknown>>(
    `select w.id, w.number, w.name, w.region_code as "regionCode", w.department_id as "departmentId", h.id as "hallId", h.name as "hallName"
       from service_window w join hall h on h.id = w.hall_id where w.region_code like $1 order by h.name, w.number limit 500`,
    [`${regionPrefix(regionCode)}%`],
  );
}
