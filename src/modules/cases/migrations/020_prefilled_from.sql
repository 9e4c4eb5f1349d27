-- 免填报 from the base libraries: which form fields the platform filled from which shared
-- resource (常住人口基本信息 of 公安局 …), so the applicant sees where each value came from.
alter table case_record add column prefilled_from jsonb not null default '{}'::jsonb;
