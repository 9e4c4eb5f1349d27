-- Brute-force protection: failed sign-ins counted per account and per client address in a
-- sliding minute; an account that keeps failing is locked for longer each time.
create table auth_throttle (
  key text primary key,
  failures integer not null default 0,
  window_start timestamptz not null default now(),
  -- how many times this key has been locked in a row (progressive lockout)
  lockouts integer not null default 0,
  locked_until timestamptz
);
