-- 一网通办 case handling: partner systems and the routing table, cases (办件) with their status messages, uploaded
-- materials, the delivery outbox (store-and-forward with backoff, dead letter) and the tamper-evident message log.

-- Partner systems the hub talks to. Seeded from configuration (govhub.partners) when absent; ADMIN edits them.
create table partner_system (
    id               varchar(64)  primary key,
    name             varchar(200) not null,
    level            varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'DEPARTMENT')),
    division_code    char(6)      not null references division (code),
    protocol         varchar(4)   not null check (protocol in ('REST', 'SOAP')),
    endpoint         varchar(500) not null,
    credentials_ref  varchar(200),                    -- name of the secret, never the secret
    operations       varchar(200) not null,           -- comma-separated: DISPATCH, STATUS_PUSH, STATUS_POLL
    status_mode      varchar(4)   not null check (status_mode in ('PUSH', 'POLL')),
    log_bodies       boolean      not null default true,   -- false: the message log keeps metadata only
    enabled          boolean      not null default true,
    version          integer      not null default 1,
    updated_at       timestamptz  not null default now(),
    updated_by       varchar(100) not null
);

-- The routing table: (implementation-code or basic-code pattern, division) → handling system. Patterns are a code,
-- or a prefix ending in '*'. The most specific match in the nearest division wins; then the parent division.
create table route_rule (
    id            bigserial    primary key,
    code_pattern  varchar(60)  not null,
    division_code char(6)      not null references division (code),
    partner_id    varchar(64)  not null references partner_system (id),
    time_limit_working_days integer check (time_limit_working_days between 0 and 365),
    updated_at    timestamptz  not null default now(),
    updated_by    varchar(100) not null,
    unique (code_pattern, division_code)
);

-- serial numbers of case numbers: one sequence shared by all nodes (no row lock, no commit per number); a case
-- number takes its last six digits, so serials are unique within an (item, day) unless a million cases are numbered
-- city-wide between two of them, and then the primary key refuses the duplicate and the hub takes the next number
create sequence case_serial_seq;

create table hub_case (
    case_number        varchar(80)  primary key,
    implementation_code varchar(60) not null,
    item_name          varchar(300),
    division_code      char(6)      not null references division (code),
    partner_id         varchar(64)  not null references partner_system (id),
    status             varchar(12)  not null check (status in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS',
                                                               'PAUSED', 'COMPLETED', 'REJECTED', 'WITHDRAWN')),
    channel            varchar(10)  not null check (channel in ('HALL', 'ONLINE', 'PARTNER')),
    applicant_name     varchar(200) not null,
    applicant_id_type  varchar(10)  not null,
    applicant_id_number varchar(40) not null,
    applicant_phone    varchar(30)  not null,
    applicant_phone_last4 char(4)   not null,
    applicant_masked   jsonb        not null,         -- the applicant as staff lists and logs may show them
    submitted_by       varchar(100) not null,
    submitted_at       timestamptz  not null,
    time_limit_working_days integer not null,
    promised_date      date,                          -- null while a needed year's holiday notice is missing
    paused_working_days integer     not null default 0,
    paused_since       date,
    accepted_at        timestamptz,
    completed_at       timestamptz,
    result             jsonb,                          -- 办结: result, licence number, validity, delivery
    last_sequence      integer      not null default 0, -- status messages applied, in the handling system's order
    version            integer      not null default 1,
    updated_at         timestamptz  not null default now()
);
create index hub_case_division_idx on hub_case (division_code, status);
create index hub_case_submitted_by_idx on hub_case (submitted_by);
create index hub_case_partner_idx on hub_case (partner_id);

create table case_material (
    ref           uuid         primary key,
    case_number   varchar(80)  references hub_case (case_number),
    name          varchar(200) not null,
    file_name     varchar(200) not null,
    media_type    varchar(60)  not null,
    size_bytes    integer      not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null default now()
);

-- Idempotency-Key of submissions: one case per (submitter, key), whatever the node
create table case_idempotency (
    submitted_by  varchar(100) not null,
    idem_key      varchar(200) not null,
    request_hash  char(64)     not null,
    -- deferred: the key is claimed first (concurrent claims of one key wait here), the case inserted after
    case_number   varchar(80)  not null references hub_case (case_number) deferrable initially deferred,
    created_at    timestamptz  not null default now(),
    primary key (submitted_by, idem_key)
);

-- status messages from the handling system: every one kept, applied in sequence order
create table case_event (
    case_number   varchar(80)  not null references hub_case (case_number),
    sequence      integer      not null check (sequence > 0),
    event_id      varchar(100) not null,
    type          varchar(12)  not null,
    body          jsonb        not null,
    body_hash     char(64)     not null,
    occurred_at   timestamptz  not null,
    received_at   timestamptz  not null default now(),
    state         varchar(10)  not null check (state in ('HELD', 'APPLIED', 'ILLEGAL')),
    problem       varchar(300),
    primary key (case_number, sequence)
);

-- store-and-forward: a row per message to a partner, written in the transaction that caused it
create table delivery_outbox (
    id              bigserial    primary key,
    kind            varchar(20)  not null,          -- CASE_DISPATCH, CREDIT_FORWARD, …
    partner_id      varchar(64)  not null references partner_system (id),
    ref             varchar(100) not null,          -- case number or record id
    payload         jsonb        not null,
    status          varchar(10)  not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(500),
    created_at      timestamptz  not null default now(),
    delivered_at    timestamptz,
    replayed_by     varchar(100)
);
create index delivery_outbox_due_idx on delivery_outbox (next_attempt_at) where status = 'PENDING';
create index delivery_outbox_dead_idx on delivery_outbox (id) where status = 'DEAD';
-- messages of one ref go out in order: the claim looks for an older undelivered one
create index delivery_outbox_ref_idx on delivery_outbox (ref, partner_id, id) where status <> 'DELIVERED';

-- every message crossing the hub boundary, chained by hash like the audit log. Records are written without a link
-- (no lock in the transaction that writes them) and sealed into the chain soon after, in sealing order (chain_seq),
-- by one sealer at a time (the head row's lock): the chain is over what was committed, in the order it was sealed.
create table message_log (
    id             bigserial    primary key,
    at             timestamptz  not null,
    peer           varchar(100) not null,
    direction      varchar(3)   not null check (direction in ('IN', 'OUT')),
    operation      varchar(60)  not null,
    correlation_id varchar(100),
    case_number    varchar(80),
    body_hash      char(64)     not null,
    body           text,                              -- masked, capped; null when the peer is metadata-only
    chain_seq      bigint       unique,               -- null until sealed
    prev_hash      char(64),
    hash           char(64)
);
create index message_log_case_idx on message_log (case_number);
create index message_log_unsealed_idx on message_log (id) where chain_seq is null;

-- records older than the retention (govhub.message-log.retention) move here, sealed, with their links: the chain
-- stays verifiable across both tables; nothing is deleted
create table message_log_archive (like message_log including defaults including constraints);
alter table message_log_archive add primary key (id);
create unique index message_log_archive_seq_idx on message_log_archive (chain_seq);
create index message_log_archive_case_idx on message_log_archive (case_number);

create table message_log_head (
    id        integer  primary key check (id = 1),
    last_seq  bigint   not null,
    last_id   bigint,
    last_hash char(64) not null
);
insert into message_log_head (id, last_seq, last_id, last_hash) values (1, 0, null, repeat('0', 64));
