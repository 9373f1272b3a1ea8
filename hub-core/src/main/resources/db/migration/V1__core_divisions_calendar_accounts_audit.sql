-- hub-core schema, version 1. Migration versions: hub-core V1–V99, service-guide V100–V199, connectors V200–V299,
-- gateway V300–V399 (all in classpath:db/migration, applied in version order by Flyway at start).

create table division (
    code        char(6)      primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'ZONE')),
    parent_code char(6)      references division (code),
    note        varchar(200)
);
create index division_parent_idx on division (parent_code);

create table organisation (
    uscc          char(18)     primary key,
    name          varchar(200) not null,
    short_name    varchar(100) not null,
    division_code char(6)      not null references division (code),
    kind          varchar(30)  not null,
    phone         varchar(40)
);
create index organisation_division_idx on organisation (division_code);

-- one row per State Council holiday notice (a year), its days below
create table holiday_notice (
    year      integer      primary key,
    papers    text         not null,           -- newline-separated addresses of the official notices
    source    varchar(10)  not null check (source in ('BUNDLED', 'UPLOADED')),
    sha256    char(64)     not null,
    loaded_by varchar(100) not null,
    loaded_at timestamptz  not null default now()
);

create table holiday_notice_day (
    notice_year integer     not null references holiday_notice (year) on delete cascade,
    day         date        not null,
    name        varchar(50) not null,
    off_day     boolean     not null,
    primary key (notice_year, day)
);

-- local accounts: used only when no OIDC issuer is configured (the embedded mode's demo accounts live here)
create table local_account (
    username          varchar(100) primary key,
    password_hash     varchar(200) not null,
    display_name      varchar(100) not null,
    roles             varchar(300) not null,     -- comma-separated product roles
    division_code     char(6)      references division (code),
    organisation_uscc char(18)     references organisation (uscc),
    enabled           boolean      not null default true,
    demo              boolean      not null default false
);

create table audit_event (
    id       bigserial    primary key,
    at       timestamptz  not null default now(),
    event    varchar(100) not null,
    username varchar(100) not null,
    reason   varchar(1000),
    data     jsonb        not null default '{}'::jsonb
);
create index audit_event_at_idx on audit_event (at desc);
