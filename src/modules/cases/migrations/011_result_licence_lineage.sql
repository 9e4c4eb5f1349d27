-- What the licence a case issued was: a 新发 (01), or the 延续 (02) / 变更 (09) of the licence the
-- applicant held, named by its identifier — so the case's results can say "renews …".
alter table case_result_licence add column operation text not null default '01';
alter table case_result_licence add column related_identifier text;
-- The licence type's name, for the §2.6 result record (结果证照名称).
alter table case_result_licence add column type_name text;

-- 满意度 of the §2.6 result record: the completion-stage rating, written by the ratings module when
-- it records one (real or defaulted), so the records export needs no reach into another module.
create table case_satisfaction (
  case_id uuid primary key references case_record (id),
  level smallint not null,
  level_name text not null,
  defaulted boolean not null,
  rated_at timestamptz not null
);
