-- Which node ran each scheduled route last, and how often it ran: /sync/status shows it, and a
-- cluster's nodes can be seen to share one schedule rather than each running it.
CREATE TABLE schedule_run (
    route_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    node_id   VARCHAR(128) NOT NULL,
    last_run  TIMESTAMP WITH TIME ZONE NOT NULL,
    runs      BIGINT NOT NULL
);
