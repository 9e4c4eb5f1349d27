-- A licence type either a person or an organisation may hold (不动产权证书: a family's flat, a
-- developer's building): 'any'. A licence itself is still held by one or the other.
alter table licence_type drop constraint licence_type_holder_kind_check;
alter table licence_type add constraint licence_type_holder_kind_check check (holder_kind in ('person', 'enterprise', 'any'));
