-- Leases shared by the processes on one database (the service, the command line, cluster nodes):
-- who holds one, since when, and when it last said it is still alive. A holder that stops
-- renewing is taken over after a short time; a process clears its own dead ones at start.
CREATE TABLE sync_lease (
    lease_name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    node_id     VARCHAR(128) NOT NULL,
    pid         BIGINT       NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the push lease used to live among the settings, with a 30-minute expiry and no renewal
DELETE FROM setting WHERE setting_key = 'odoo.push.lease';
