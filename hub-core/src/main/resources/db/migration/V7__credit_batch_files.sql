-- A batch file of decisions is kept as received, its bytes in parts of 1 MiB, instead of a row per record: the file is
-- the receipt. Its records are read from it a chunk at a time, each chunk's outcomes inserted when it is processed
-- (status RECEIVED is implied for a record without an outcome row), the progress kept in processed_count.
create table credit_submission_file (
    submission_id uuid    not null references credit_submission (id),
    part          integer not null,
    bytes         bytea   not null,
    primary key (submission_id, part)
);
-- the parts are stored uncompressed: a CSV compresses, but trying costs CPU on the receipt's path for little space
alter table credit_submission_file alter column bytes set storage external;

alter table credit_submission add column file_name varchar(255);      -- null: the records came as a request
alter table credit_submission add column file_charset varchar(40);    -- as declared by the submitter (null: detected)
alter table credit_submission add column processed_count integer;     -- file: records with an outcome, in index order
alter table credit_submission add column progress_at timestamptz;     -- file: when processed_count last moved
create index credit_submission_file_waiting_idx on credit_submission (received_at) where processed_count < record_count;

-- the record as received is kept for rejected records of a file (what was wrong), not for every record
alter table credit_submission_record alter column raw drop not null;
