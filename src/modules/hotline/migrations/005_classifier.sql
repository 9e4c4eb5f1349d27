-- The dispatch classifier's own words for each content category (what callers say about it: 占道,
-- 摆摊, 流动摊贩 …): with the category's name, its training documents besides the closed tickets.
alter table hotline_category add column keywords text[] not null default '{}';
