-- Cluster-wide read locks of the credit drop folder (Camel's idempotent read lock, JdbcFileReadLocks): with several
-- nodes reading one shared folder, a file is taken by one node only. A lock left by a node that died expires.
create table file_read_lock (
    lock_key  varchar(1000) primary key,
    node      varchar(200)  not null,
    locked_at timestamptz   not null default now()
);
