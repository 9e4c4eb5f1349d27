-- 数据开放: downloads of open datasets, counted per dataset and day.
create table data_open_download (
  resource_id uuid not null references data_resource (id),
  day date not null,
  downloads integer not null,
  primary key (resource_id, day)
);
