-- The same role may be held for two departments of one region (an approver serving two
-- bureaus), so the key includes the department; "no department" counts as one value.
alter table staff_role drop constraint staff_role_pkey;
create unique index staff_role_grant on staff_role
  (staff_id, role, region_code, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid));
