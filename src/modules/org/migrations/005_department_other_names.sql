-- 其他名称: the names a department also goes by — a unit that works under it and is named on its
-- items' guides (不动产登记中心 under 自然资源局), or a sign it carries (加挂牌子). The department
-- pickers find a department by any of them, so staff can look up the name a guide prints.
alter table department add column other_names text[] not null default '{}';
