-- Which resource (and field) serves each base-library key the service catalogue names for 免填报
-- (a form field's prefill) and 免提交 (a material replaced by shared data): the data bureau says
-- where `population.household_address` comes from, the cases module asks for it by that key.
create table data_base_field_source (
  key text primary key check (key ~ '^[a-z_]+\.[a-z_]+$'),
  resource_id uuid not null references data_resource (id),
  -- the field that fills a form field; null: the record itself (a material the record replaces)
  field_key text,
  set_by text not null,
  set_at timestamptz not null default clock_now()
);

-- 必填 信息项: the completeness rule of the base libraries checks these (and the key) only; a
-- field that may rightly be empty (a 城乡居民's employer) is no quality finding.
alter table data_resource_field add column required boolean not null default false;
