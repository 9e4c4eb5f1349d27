-- Who acted on a timeline entry, as the applicant and the department may read it: a staff
-- member's department (name at the time) and the role they acted in. Entries written before
-- have neither; they show as 工作人员 without a department.
alter table case_event add column actor_department text;
alter table case_event add column actor_role text;
