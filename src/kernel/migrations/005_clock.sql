-- The kernel clock in SQL (src/kernel/clock.ts). Each connection carries the clock's offset in
-- the setting yiwang.clock_offset_ms (the database wrappers copy it in when the clock moves; it
-- is unset, so 0, in production). Every query that needs "now" or "today" calls these instead
-- of now() / current_date, so a test run as of another date sees one consistent time in
-- TypeScript and in SQL, and "today" is the day in Asia/Shanghai whatever the session's time zone.
create function clock_now() returns timestamptz
  language sql stable parallel safe
  as $$ select now() + coalesce(nullif(current_setting('yiwang.clock_offset_ms', true), ''), '0')::bigint * interval '1 millisecond' $$;

create function clock_today() returns date
  language sql stable parallel safe
  as $$ select (clock_now() at time zone 'Asia/Shanghai')::date $$;
