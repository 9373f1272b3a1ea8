-- The generation of the decisions' idempotency keys (决定幂等键, kept in Redis: see DecisionKeys). A key is only read in
-- the generation it was written in. A transaction that changes a decision and cannot mark its key as being changed
-- (Redis unreachable) starts a new generation in its own transaction, so no node ever reads the old key again; an
-- operator starts one by hand after restoring this database from a backup (README, "Idempotency keys of decisions").
create table credit_decision_key_generation (
    only_row   boolean primary key default true check (only_row),
    generation bigint      not null,
    started_at timestamptz not null default now()
);
insert into credit_decision_key_generation (generation) values (1);
