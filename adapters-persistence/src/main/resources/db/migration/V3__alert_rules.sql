-- The record of alert rules. The pipeline reads them from the compacted rules topic, which the application
-- keeps equal to this table (each change is published inside its transaction, and again at start-up).
create table alert_rules (
    id          varchar(64)  primary key,
    name        varchar(100) not null,
    enabled     boolean      not null,
    -- the written form of RuleConditions: {"category": [...], "make": [...], "model": {...}, "year": {...}}
    conditions  jsonb        not null,
    updated_at  timestamptz  not null default now()
);

-- One row once any rule was ever stored, so the SUSPICIOUS_VEHICLE rule is seeded on the first start only
-- and a rule an operator deleted does not come back.
create table alert_rules_seeded (
    seeded boolean primary key default true check (seeded)
);
