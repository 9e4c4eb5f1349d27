-- Where a service hall stands, so the portal can point a citizen to the nearest one.
-- WGS-84 degrees (what a browser's Geolocation API reports); map links say so explicitly,
-- since Chinese map services default to GCJ-02. Both or neither: half a position is no position.
alter table hall add column latitude double precision;
alter table hall add column longitude double precision;
alter table hall add constraint hall_position_pair check ((latitude is null) = (longitude is null));
alter table hall add constraint hall_latitude_range check (latitude between -90 and 90);
alter table hall add constraint hall_longitude_range check (longitude between -180 and 180);
