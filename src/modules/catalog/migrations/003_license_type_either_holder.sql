-- A licence type either a person or an organisation may hold (不动产权证书): 'any'.
alter table catalog_license_type drop constraint catalog_license_type_holder_check;
alter table catalog_license_type add constraint catalog_license_type_holder_check check (holder in ('person', 'entity', 'any'));
