-- Runs after every module's migrations (source 'kernel-after'): the timestamp columns that
-- earlier migrations created with "default now()" follow the kernel clock instead. Migrations
-- written from now on say "default clock_now()" themselves; a schema test fails on any column
-- whose default still reads now().
do $$
declare
  c record;
begin
  for c in
    select table_name, column_name
      from information_schema.columns
     where table_schema = current_schema() and column_default = 'now()'
  loop
    execute format('alter table %I alter column %I set default clock_now()', c.table_name, c.column_name);
  end loop;
end
$$;
