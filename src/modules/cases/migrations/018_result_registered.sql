-- A 设立登记's licence belongs to the market subject its decision registered, not to the
-- applicant: its name and 统一社会信用代码 (public facts of a registration) are kept with the
-- case's result, so the applicant is told whose licence it is and where to find it.
alter table case_result_licence add column registered_name text;
alter table case_result_licence add column registered_uscc text;
