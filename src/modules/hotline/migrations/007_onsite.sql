-- 转现场处置: the centre hands a ticket that needs someone on the spot to city governance (the
-- grid's incident loop, issue #17) — when, and what the centre said.
alter table hotline_ticket add column onsite_requested_at timestamptz;
alter table hotline_ticket add column onsite_note text;
