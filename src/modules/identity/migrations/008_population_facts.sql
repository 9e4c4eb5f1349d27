-- 人口基础库 stand-in: the facts other modules' rules ask about a person (秒批 on age and 户籍地)
-- come from the population base, never from the ID number's digits (the region of issue and a
-- birth date typed into an ID number say nothing of where a person is registered today).
alter table population_record add column birth_date date;
alter table population_record add column household_region_code text;

-- Existing records were kept by the region of their household registration, so that region is
-- their 户籍地. Their birth date is not known here (the table holds only a keyed index of the ID
-- number): it stays empty, and a rule on age fails for them until the base supplies it.
update population_record set household_region_code = region_code where household_region_code is null;
