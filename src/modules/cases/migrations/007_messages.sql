-- The applicant's in-app messages are the case events they are told of (the same ones as SMS);
-- this only remembers up to when each reader has read them. reader = person id, or
-- "<person id>:<enterprise id>" when acting for an enterprise.
create table case_message_read (
  reader text primary key,
  read_at timestamptz not null
);
