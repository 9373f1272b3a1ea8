-- Bulk processing claims a submission's waiting records in index order, a chunk at a time (FOR UPDATE SKIP LOCKED):
-- the partial index on the waiting records carries the index so the next chunk is read without a sort.
drop index credit_submission_record_pending_idx;
create index credit_submission_record_pending_idx on credit_submission_record (submission_id, idx) where status = 'RECEIVED';
