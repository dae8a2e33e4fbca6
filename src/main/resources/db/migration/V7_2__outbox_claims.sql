-- Outbox rows are claimed by the process that sends them (SELECT ... FOR UPDATE SKIP LOCKED), so
-- several nodes drain one outbox without sending a row twice; a claim its holder stops renewing
-- (the node died) is free again after claimed_until.
ALTER TABLE odoo_outbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE odoo_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX odoo_outbox_claimed_idx ON odoo_outbox (claimed_by);
