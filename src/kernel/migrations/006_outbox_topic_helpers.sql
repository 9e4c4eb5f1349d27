-- Helpers for the migrations of a module that renames or retires one of its outbox topics.
-- The outbox is the kernel's table, so the kernel says how its rows follow a rename; each module
-- calls these from its own migrations with its own old and new names.

-- A renamed topic: events still waiting (or dead, which an operator may requeue) take the new
-- name, so the new code's handler finds them; done events keep the name they were handled under.
-- Dedupe keys that began with the old name (`<topic>:<id>`) follow it in every row, so emitting
-- the same key under the new name still finds the event already written.
create function outbox_rename_topic(old_name text, new_name text) returns void
  language sql
  as $$
    update outbox_event
       set dedupe_key = new_name || substr(dedupe_key, length(old_name) + 1)
     where topic = old_name and left(dedupe_key, length(old_name) + 1) = old_name || ':';
    update outbox_event set topic = new_name where topic = old_name and status in ('pending', 'dead');
  $$;

-- A topic now declared terminal (no consumer; kept as a fact): the events that waited for a
-- handler that never existed are done, as new ones are stored.
create function outbox_settle_topic(topic_name text) returns void
  language sql
  as $$
    update outbox_event set status = 'done', processed_at = clock_now() where topic = topic_name and status = 'pending';
  $$;
