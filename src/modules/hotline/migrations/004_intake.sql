-- 12345 intake (#16 points 1, 2): a ticket merged into another (合并: the same matter already
-- open), photos a caller attaches, and texts to 12345's SMS number, which the centre classifies.

-- merged: closed for its caller, who follows the main ticket it points to
alter table hotline_ticket drop constraint hotline_ticket_status_check;
alter table hotline_ticket add constraint hotline_ticket_status_check
  check (status in ('new', 'dispatched', 'accepted', 'returned', 'completed', 'closed', 'merged'));
alter table hotline_ticket add column merged_into_id uuid references hotline_ticket (id);
create index hotline_ticket_merged_idx on hotline_ticket (merged_into_id) where merged_into_id is not null;

-- a text to 12345 arrives without a category: the centre classifies it before dispatching
alter table hotline_ticket alter column category_code drop not null;
alter table hotline_ticket add constraint hotline_ticket_category_check check (category_code is not null or channel = 'sms');

-- a photo elsewhere an Open311 app points to (media_url): an https address, never fetched by us
alter table hotline_ticket add column media_url text;

-- photos: uploaded first (kept by the uploader, no ticket yet), attached when the ticket is created
create table hotline_photo (
  id uuid primary key,
  ticket_id uuid references hotline_ticket (id),
  file_key text not null,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  size integer not null,
  sm3 char(64) not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default clock_now()
);
create index hotline_photo_ticket_idx on hotline_photo (ticket_id) where ticket_id is not null;
create index hotline_photo_pending_idx on hotline_photo (uploaded_by) where ticket_id is null;
