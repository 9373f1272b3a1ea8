-- A record's public fields are kept only when they differ from its fields (the masking changed something: a natural
-- person's name or certificate number, a legal representative's ID, an ID or mobile number in free text). Null: the
-- masking found nothing to mask, and the public sees the fields as they are (coalesce(public_fields, fields)). Most
-- decisions are about companies, whose fields the masking leaves alone: their second copy cost a JSONB value per record
-- on the ingest path. Written by the hub only after comparing the masked fields with the fields, never assumed.
alter table credit_record alter column public_fields drop not null;
