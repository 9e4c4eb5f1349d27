-- 免填报 in 一件事: which fields of the merged form the platform filled from which shared resource,
-- read once for the bundle; each member case receives the sources of its own fields on submission.
-- Null on drafts made before: their members still read the libraries each for itself.
alter table case_bundle add column prefilled_from jsonb;
