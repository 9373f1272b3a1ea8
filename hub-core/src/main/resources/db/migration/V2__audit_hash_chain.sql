-- The audit log becomes tamper-evident: every event carries the hash of the one before it and its own hash over
-- (previous hash, time, event, user, reason, data). Changing, removing or inserting a row breaks the chain, which
-- GET /api/v1/audit/verify finds. Events written before this migration are outside the chain (prev_hash null).
alter table audit_event add column prev_hash char(64);
alter table audit_event add column hash char(64);

-- the head of the chain: one row, locked by each writer so that events are chained in one order across all nodes
create table audit_chain_head (
    id        integer  primary key check (id = 1),
    last_id   bigint,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_id, last_hash) values (1, null, repeat('0', 64));
