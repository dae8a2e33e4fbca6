-- A visit's decision latency counts from the first frame in which the face could be judged; in_view_ms
-- keeps the time from the first frame it appeared in (far away, turned) to the decision.
ALTER TABLE camera_visit ADD COLUMN in_view_ms BIGINT;
