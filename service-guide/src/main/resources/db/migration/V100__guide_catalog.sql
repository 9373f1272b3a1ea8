-- service-guide schema (versions V100–V199): items with their working copy, immutable published versions, and the
-- public entry (current published version) that search and lookup read.

create table guide_item (
    id                  bigserial    primary key,
    implementation_code varchar(64)  not null unique,
    organisation_uscc   char(18)     not null,
    division_code       char(6)      not null references division (code),
    state               varchar(12)  not null check (state in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'WITHDRAWN')),
    draft               jsonb        not null,
    lock_version        integer      not null default 0,
    published_version   integer,
    last_editor         varchar(100) not null,
    submitted_by        varchar(100),
    review_note         varchar(1000),
    updated_at          timestamptz  not null default now()
);
create index guide_item_org_idx on guide_item (organisation_uscc, state);
create index guide_item_division_idx on guide_item (division_code, state);

create table guide_version (
    item_id      bigint        not null references guide_item (id),
    version      integer       not null,
    content      jsonb         not null,
    published_by varchar(100)  not null,
    published_at timestamptz   not null,
    reason       varchar(1000),
    primary key (item_id, version)
);

create table guide_public (
    implementation_code varchar(64)  primary key,
    item_id             bigint       not null unique references guide_item (id),
    version             integer      not null,
    name                varchar(200) not null,
    type_code           varchar(2)   not null,
    organisation_uscc   char(18)     not null,
    organisation_name   varchar(200) not null,
    division_code       char(6)      not null,
    search_text         text         not null,  -- lower-cased name, codes, keywords and department
    content             jsonb        not null,
    published_at        timestamptz  not null
);
create index guide_public_division_idx on guide_public (division_code);
create index guide_public_type_idx on guide_public (type_code);
create index guide_public_org_idx on guide_public (organisation_uscc);
