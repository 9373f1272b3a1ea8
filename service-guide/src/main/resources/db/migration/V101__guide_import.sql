-- imports of implementation lists (实施清单): one row per import, one per imported spreadsheet row
create table guide_import (
    id                bigserial    primary key,
    organisation_uscc char(18),
    username          varchar(100) not null,
    file_name         varchar(300) not null,
    status            varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    charset           varchar(30),
    rows_read         integer      not null default 0,
    created           integer      not null default 0,
    updated           integer      not null default 0,
    rejected          integer      not null default 0,
    message           varchar(1000),
    started_at        timestamptz  not null default now(),
    finished_at       timestamptz
);

create table guide_import_row (
    import_id           bigint       not null references guide_import (id) on delete cascade,
    row_no              integer      not null,
    implementation_code varchar(64),
    outcome             varchar(10)  not null check (outcome in ('CREATED', 'UPDATED', 'REJECTED')),
    problems            text,
    primary key (import_id, row_no)
);
