create table users (
    id         uuid primary key,
    name       text        not null,
    lastname   text        not null,
    email      text        not null,
    role       text        not null check (role in ('admin', 'viewer')),
    created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create index users_by_name on users (name, lastname, id);

-- A user may have several credentials; usernames are unique ignoring case.
create table credentials (
    username      text primary key,
    user_id       uuid    not null references users (id) on delete cascade,
    password_hash text    not null,
    active        boolean not null default true
);
create unique index credentials_username_key on credentials (lower(username));
create index credentials_by_user on credentials (user_id);
