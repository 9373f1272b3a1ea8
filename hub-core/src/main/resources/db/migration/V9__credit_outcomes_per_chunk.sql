-- A batch file's outcomes a chunk at a time: one row per chunk of records (their statuses as one letter each, the
-- stored record of each) instead of a row per record. A million-record file wrote a million outcome rows, each with
-- its primary-key entry: about a tenth of the database's work on the ingest path (BENCHMARKS.md). A rejected record
-- keeps its own row in credit_submission_record as well, with the record as received and its problems.
create table credit_submission_chunk (
    submission_id uuid        not null references credit_submission (id),
    first_idx     integer     not null,
    statuses      text        not null check (statuses ~ '^[AUDR]+$'),  -- A accepted, U updated, D duplicate, R rejected
    record_ids    bigint[]    not null,                                 -- null for a rejected record
    processed_at  timestamptz not null,
    primary key (submission_id, first_idx),
    check (cardinality(record_ids) = length(statuses))
);

-- Every outcome, one row per record, whichever way it was kept: the rows of credit_submission_record (records of a
-- request, waiting ones too, and a file's rejected records) and a file's other records spread out of their chunks.
create view credit_outcome as
select submission_id, idx, status, problems, record_id, processed_at
from credit_submission_record
union all
select c.submission_id, (c.first_idx + o.n - 1)::integer,
       case o.letter when 'A' then 'ACCEPTED' when 'U' then 'UPDATED' else 'DUPLICATE' end,
       null::jsonb, o.record_id, c.processed_at
from credit_submission_chunk c
-- the letters and the ids side by side, each array read once (an element at a time would read the whole array of
-- ids again for each: a million-record file took 40 s to count)
cross join lateral unnest(string_to_array(c.statuses, null), c.record_ids) with ordinality o(letter, record_id, n)
where o.letter <> 'R';
