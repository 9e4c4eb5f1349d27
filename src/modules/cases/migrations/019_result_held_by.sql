-- A licence the form names the holder of (外国人工作许可证: the worker the employer applied for,
-- known by a passport) is not the applicant's: the holder's name and masked document number are
-- kept with the case's result, so the applicant is told whose licence it is. The number in clear
-- stays in the encrypted form and the signed licence.
alter table case_result_licence add column held_by_name text;
alter table case_result_licence add column held_by_code text;
alter table case_result_licence add column held_by_code_type text;
