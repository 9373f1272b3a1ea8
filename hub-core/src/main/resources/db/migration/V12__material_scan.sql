-- The malware scanner that found an uploaded material (申请材料) clean, as it named itself (engine, version and
-- signature version, e.g. "ClamAV 1.4.6/27470/…"); null: stored without a scan (no scanner configured, or uploaded
-- before scanning existed). Uploads the scanner refuses are never stored.
alter table case_material add column scanned_by varchar(200);
