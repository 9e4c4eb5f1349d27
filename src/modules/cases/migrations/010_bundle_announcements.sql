-- What the applicant of a 一件事 has been told (bundle-notices.ts). Member cases send no SMS of
-- their own; the bundle tells each change once. A fact is one thing worth telling (submitted,
-- all accepted, a member's 补正 / fee / 不予受理, completed); its row is written in the same
-- transaction as the SMS and the timeline entry, so a replayed member event finds it and tells nothing more.
create table case_bundle_notice (
  bundle_case_id uuid not null references case_bundle (id),
  fact text not null,
  -- the case_bundle_event that told it
  event_id uuid not null,
  primary key (bundle_case_id, fact)
);
