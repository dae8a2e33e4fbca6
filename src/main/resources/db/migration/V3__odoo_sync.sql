-- What faceclock last sent to Odoo for each attendance, so a re-push sends nothing twice and a
-- change made in Odoo since then is seen as a conflict rather than overwritten.
ALTER TABLE attendance ADD COLUMN odoo_attendance_id BIGINT;
ALTER TABLE attendance ADD COLUMN sent_check_in TIMESTAMP WITH TIME ZONE;
ALTER TABLE attendance ADD COLUMN sent_check_out TIMESTAMP WITH TIME ZONE;
ALTER TABLE attendance ADD COLUMN sync_state VARCHAR(16) DEFAULT 'pending' NOT NULL;
ALTER TABLE attendance ADD COLUMN sync_error VARCHAR(2000);
ALTER TABLE attendance ADD COLUMN synced_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX attendance_sync_state_idx ON attendance (sync_state);

-- Every attendance change leaves a row here in the same transaction; the drain route sends them.
CREATE TABLE odoo_outbox (
    attendance_id   BIGINT NOT NULL PRIMARY KEY REFERENCES attendance (id) ON DELETE CASCADE,
    change_no       BIGINT NOT NULL,
    enqueued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000)
);
CREATE INDEX odoo_outbox_next_idx ON odoo_outbox (next_attempt_at);
