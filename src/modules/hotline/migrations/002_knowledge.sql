-- 12345 knowledge base (知识库): the articles the centre answers from, each owned by a
-- department, with its versions, its review and expiry dates, and what it links to (hotline
-- categories, catalogue items); the uses that make the hit statistics (知识库命中率); the
-- article a ticket was answered with.

create table hotline_kb_article (
  id uuid primary key,
  department_id uuid not null references department (id),
  -- the department's region, copied when the article is created: who may read it is decided in SQL
  region_code text not null,
  status text not null check (status in ('draft', 'published', 'retired')),
  -- the current version's number; a save names the one it read (VERSION_CONFLICT otherwise)
  version integer not null default 1,
  title text not null,
  questions text[] not null default '{}',
  answer text not null,
  category_codes text[] not null default '{}',
  item_codes text[] not null default '{}',
  review_on date,
  expires_on date,
  -- jieba tokens per field (the search ranks on them) and the same as a weighted tsvector for the
  -- GIN index: title A, question forms B, answer C; lexemes are built from the array, never parsed
  title_tokens text[] not null default '{}',
  question_tokens text[] not null default '{}',
  answer_tokens text[] not null default '{}',
  search tsvector not null,
  created_by text,
  created_at timestamptz not null default clock_now(),
  updated_at timestamptz not null default clock_now()
);
-- fastupdate off: writes are rare, and GIN's pending list of unmerged entries (until a vacuum)
-- makes the planner cost the index as a full scan — with it on, 10,000 fresh articles were searched
-- by a sequential scan (30 ms on PGlite) instead of the index (under 1 ms)
create index hotline_kb_article_search_idx on hotline_kb_article using gin (search) with (fastupdate = off);
create index hotline_kb_article_department_idx on hotline_kb_article (department_id, status);
create index hotline_kb_article_review_idx on hotline_kb_article (review_on) where status = 'published';

-- Every saved version, as it was: a published article's earlier text stays readable.
create table hotline_kb_version (
  article_id uuid not null references hotline_kb_article (id),
  version integer not null,
  status text not null,
  title text not null,
  questions text[] not null,
  answer text not null,
  category_codes text[] not null,
  item_codes text[] not null,
  review_on date,
  expires_on date,
  saved_by text,
  saved_at timestamptz not null default clock_now(),
  primary key (article_id, version)
);

-- What the centre did with the knowledge base: a search (article null), an article opened from
-- a ticket, an article a ticket was answered with.
create table hotline_kb_use (
  id bigserial primary key,
  at timestamptz not null default clock_now(),
  kind text not null check (kind in ('search', 'open', 'answer')),
  article_id uuid references hotline_kb_article (id),
  article_version integer,
  ticket_id uuid references hotline_ticket (id),
  actor_id text
);
create index hotline_kb_use_at_idx on hotline_kb_use (at, kind);

-- 直接答复 from an article: which one, at which version
alter table hotline_ticket add column kb_article_id uuid references hotline_kb_article (id);
alter table hotline_ticket add column kb_article_version integer;
