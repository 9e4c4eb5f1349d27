/**
 * A staff member's role grants as one JSON array column (`[{role, regionCode, departmentId}]`),
 * for queries that load an account in one round trip (the staff list, sign-in, sessions,
 * bearer tokens). `staffId` is the SQL expression of the staff member's id.
 */
export const staffGrantsJson = (staffId: string) =>
  `coalesce((select json_agg(json_build_object('role', sr.role, 'regionCode', sr.region_code,
                    'departmentId', sr.department_id) order by sr.role, sr.region_code)
               from staff_role sr where sr.staff_id = ${staffId}), '[]'::json)`;
