-- The case and the service item a use served, so license_use_rate (items whose cases used
-- e-licences ÷ licensing items) can be counted from the use log.
alter table licence_use add column case_id text;
alter table licence_use add column item_code text;
create index licence_use_item_idx on licence_use (item_code, at) where item_code is not null;
