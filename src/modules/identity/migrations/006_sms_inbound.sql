-- Replies that carriers deliver to us (上行短信). A carrier retries until it gets a 200, so the
-- same message arrives more than once: the (gateway, message_id) key makes the second a no-op.
create table sms_inbound (
  id uuid primary key,
  gateway text not null,
  message_id text not null,
  phone_masked text not null,
  phone_index char(64) not null,
  body_enc text not null,
  -- the carrier's time of receipt: replies may reach us out of order
  sent_at timestamptz not null,
  received_at timestamptz not null default now(),
  constraint sms_inbound_message_key unique (gateway, message_id)
);
create index sms_inbound_phone_idx on sms_inbound (phone_index, sent_at desc);
