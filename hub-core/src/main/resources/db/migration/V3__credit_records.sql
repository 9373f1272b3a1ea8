-- 双公示 credit records: submissions as received (every record kept, with its outcome), the current records, and
-- their history. The public reads public_fields only, which are masked when written.
create table credit_submission (
    id                uuid         primary key,
    record_type       varchar(7)   not null check (record_type in ('PERMIT', 'PENALTY')),
    organisation_uscc char(18),
    submitted_by      varchar(100) not null,
    channel           varchar(10)  not null,
    received_at       timestamptz  not null default now(),
    record_count      integer      not null
);

create table credit_submission_record (
    submission_id uuid        not null references credit_submission (id),
    idx           integer     not null,
    raw           jsonb       not null,
    status        varchar(10) not null check (status in ('RECEIVED', 'ACCEPTED', 'UPDATED', 'DUPLICATE', 'REJECTED')),
    problems      jsonb,
    record_id     bigint,
    processed_at  timestamptz,
    primary key (submission_id, idx)
);
create index credit_submission_record_pending_idx on credit_submission_record (submission_id) where status = 'RECEIVED';

create table credit_record (
    id              bigserial    primary key,
    record_type     varchar(7)   not null,
    natural_key     varchar(400) not null unique,   -- type | authority USCC | document number
    authority_uscc  char(18)     not null,
    document_number varchar(200) not null,
    subject_public  varchar(300) not null,          -- the subject's name as the public sees it (masked for persons)
    decision_date   date         not null,
    due_date        date,                           -- 7 working days after the decision (null: calendar not loaded)
    published_at    timestamptz  not null,
    on_time         boolean,                        -- null while a needed year's holiday notice is not loaded
    late_working_days integer,                      -- working days published after the due date
    publicity_end   date,                           -- last day in the public view (null: no end, e.g. permits)
    publicity_flag  varchar(40),                    -- why the end differs from the source's, if it does
    publicity_rules varchar(40)  not null,          -- version of the rule set that computed it
    public          boolean      not null,          -- false: kept out of the public view by rule
    revoked_at      timestamptz,                    -- 撤销: the decision was revoked; out of the public view
    revoked_reason  varchar(1000),
    repaired_at     timestamptz,                    -- 信用修复: publicity ended early
    repair_document varchar(200),
    fields          jsonb        not null,          -- complete record: not for public surfaces
    public_fields   jsonb        not null,          -- masked
    content_hash    char(64)     not null,
    version         integer      not null default 1,
    updated_at      timestamptz  not null default now()
);
create index credit_record_decision_idx on credit_record (decision_date);

create table credit_record_history (
    record_id     bigint      not null references credit_record (id),
    version       integer     not null,
    fields        jsonb       not null,
    content_hash  char(64)    not null,
    replaced_at   timestamptz not null default now(),
    primary key (record_id, version)
);
