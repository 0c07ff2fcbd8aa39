-- A disabled account cannot log in; tokens issued before tokens_valid_after no longer count (a password change,
-- a disable or a role change revokes every token the account holds).
alter table users
    add column disabled           boolean     not null default false,
    add column tokens_valid_after timestamptz not null default '1970-01-01T00:00:00Z';
