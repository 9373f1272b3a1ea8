-- ShedLock (JDBC provider): a scheduled job that must run on one node at a time holds its row until lock_until.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
