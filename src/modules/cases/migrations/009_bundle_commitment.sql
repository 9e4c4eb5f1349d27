-- 告知承诺制 inside a 一件事: the applicant signs once when submitting the bundle; members of
-- later steps, submitted by the platform when their turn comes, carry the same signature.
alter table case_bundle add column commitment_signed boolean not null default false;
