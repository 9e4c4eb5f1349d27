-- A case produces at most one licence, whether a 新发 or the 延续/变更 of one the applicant holds:
-- the index of 004 covered only 新发, so two deliveries of a renewal's completion event racing
-- could each sign a new version.
create unique index licence_case_result_key on licence (case_id) where case_id is not null and source = 'case';
drop index licence_case_issue_key;
