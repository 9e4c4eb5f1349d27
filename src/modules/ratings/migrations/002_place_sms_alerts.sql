-- Window cases carry their service window and hall: the invitation copies them so the rating
-- rolls up by hall and window whatever the channel.
alter table rating_invitation add column hall_id uuid;
alter table rating_invitation add column hall_name text;
alter table rating_invitation add column window_id uuid;
alter table rating_invitation add column window_name text;
-- when the invitation SMS was queued: an SMS reply answers the latest invitation sent before it
alter table rating_invitation add column sms_sent_at timestamptz;
create index rating_invitation_sms_idx on rating_invitation (rater_person_id, sms_sent_at desc) where sms_sent_at is not null;

-- Department heads told of an escalated task, one row each: a redelivered event sends nothing twice.
create table rating_task_alert (
  task_id uuid not null references rating_task (id),
  staff_id uuid not null,
  sent_at timestamptz not null default now(),
  primary key (task_id, staff_id)
);

-- Monthly results filter on a time range first: the region index leads with a LIKE prefix that
-- a parameterised query cannot narrow, so a month read the whole region's history.
create index rating_time_idx on rating (rated_at);
