-- A windowed rule's window in its written form ({"count", "within", "groupBy", "grace"}); null: fires on each match.
alter table alert_rules add column time_window jsonb;
