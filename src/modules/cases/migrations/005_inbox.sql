-- The workbench inbox at a million cases: counts per step and the first page without reading
-- every case in a city-wide clerk's scope.

-- The current step's key as a column, so counts per step can come from an index.
alter table case_record add column current_step_key text generated always as (steps -> current_step ->> 'key') stored;

-- Active cases by region prefix (text_pattern_ops serves `like '4453%'`), step and department,
-- with the roles and the claimer carried in the index: the per-step counts are index-only.
create index case_record_inbox_scope on case_record (region_code text_pattern_ops, current_step_key, department_id)
  include (current_roles, assignee_id) where status in ('submitted', 'processing');

-- The most urgent first across a wide scope: walk active cases in deadline order and stop at a page.
create index case_record_inbox_urgent on case_record (promised_due, submitted_at) where status in ('submitted', 'processing');
