package io.faceclock.config;

import java.time.Duration;

/**
 * This process among the others on one database: its node id (null: the host name), on PostgreSQL
 * how long a silent node keeps its schedules before another takes them over, and how often a node
 * takes in the people and faces the others changed.
 */
public record ClusterSettings(String nodeId, Duration checkIn, Duration peoplePoll) {

    static final String PEOPLE_POLL = "faceclock.cluster.people-poll-millis";

    static ClusterSettings read(Settings s) {
        long poll = s.longInteger(PEOPLE_POLL);
        if (poll < 50 || poll > 60_000) {
            throw new IllegalArgumentException("Setting " + PEOPLE_POLL + " must be 50 to 60000 (milliseconds), got "
                    + poll);
        }
        return new ClusterSettings(s.get("faceclock.node.id"), s.seconds("faceclock.cluster.check-in-seconds"),
                Duration.ofMillis(poll));
    }
}
