/**
 * A staff member's role grants as one JSON array column (`[{role, regionCode, departmentId}]`),
 * for org's own queries that load staff with their grants in one round trip (the staff list,
 * `staffActor`, the staff finders). `staffId` is the SQL expression of the staff member's id.
 * Org keeps it to itself: other modules ask org's service functions for the rows instead.
 */
export const staffGrantsJson = (staffId: string) =>
  `coalesce((select json_agg(json_build_object('role', sr.role, 'regionCode', sr.region_code,
                    'departmentId', sr.department_id) order by sr.role, sr.region_code)
               from staff_role sr where sr.staff_id = ${staffId}), '[]'::json)`;
