package io.faceclock.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per scheduled route: the node that ran it last, when, and how many runs in all. */
public final class ScheduleRunStore {

    public record Run(String nodeId, Instant lastRun, long runs) {
    }

    private final Jdbc jdbc;

    public ScheduleRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String routeId, String nodeId, Instant at) {
        try {
            jdbc.inTransaction(c -> {
                if (Jdbc.update(c, "UPDATE schedule_run SET node_id = ?, last_run = ?, runs = runs + 1 "
                        + "WHERE route_id = ?", nodeId, at, routeId) == 0) {
                    Jdbc.update(c, "INSERT INTO schedule_run (route_id, node_id, last_run, runs) VALUES (?,?,?,1)",
                            routeId, nodeId, at);
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isConstraintViolation()) {
                throw e;
            }
            // two nodes inserted the first run at once: one row is enough, the other run counts next time
        }
    }

    public Map<String, Run> all() {
        Map<String, Run> m = new LinkedHashMap<>();
        jdbc.query("SELECT route_id, node_id, last_run, runs FROM schedule_run ORDER BY route_id", rs -> {
            m.put(rs.getString(1), new Run(rs.getString(2), Jdbc.instant(rs, 3), rs.getLong(4)));
            return null;
        });
        return m;
    }
}
