package io.faceclock.config;

import java.time.Duration;

/**
 * This process among the others on one database: its node id (null: the host name) and, on
 * PostgreSQL, how long a silent node keeps its schedules before another takes them over.
 */
public record ClusterSettings(String nodeId, Duration checkIn) {

    static ClusterSettings read(Settings s) {
        return new ClusterSettings(s.get("faceclock.node.id"), s.seconds("faceclock.cluster.check-in-seconds"));
    }
}
