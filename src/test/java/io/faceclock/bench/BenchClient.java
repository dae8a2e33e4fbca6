package io.faceclock.bench;

import io.faceclock.json.Json;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One client of bench load: 30% today's attendance, 30% person searches, 20% a manual attendance
 * opened then closed (on people of its own, each moving 2 s along its own timeline so none overlap), 20%
 * marks with a labelled photo.
 */
final class BenchClient implements MixedLoad.Mix {

    /** A photo of an enrolled person. */
    record Photo(String badge, byte[] bytes, String type) {
    }

    private final int id;
    private final List<String> manualPeople;
    private final List<Photo> photos;
    private final int employees;
    private final Map<String, Instant> nextCheckIn = new HashMap<>();
    private int turn;

    BenchClient(int id, List<String> manualPeople, List<Photo> photos, Instant start, int employees) {
        this.id = id;
        this.manualPeople = manualPeople;
        this.photos = photos;
        this.employees = employees;
        manualPeople.forEach(p -> nextCheckIn.put(p, start));
    }

    @Override
    public MixedLoad.Operation next() {
        int dice = LoadBenchmark.random(100);
        if (dice < 30) {
            return c -> c.call("GET /attendance/today", c.request("/api/v1/attendance/today").GET(), 200);
        }
        if (dice < 60) {
            return c -> c.call("GET /persons?q=", c.request("/api/v1/persons?q=employee%20"
                    + (1 + LoadBenchmark.random(employees))).GET(), 200);
        }
        if (dice < 80 || photos.isEmpty()) {
            return this::openAndClose;
        }
        Photo p = photos.get(LoadBenchmark.random(photos.size()));
        return c -> c.call("POST /attendance/mark", c.request("/api/v1/attendance/mark?source=bench-" + id)
                .header("Content-Type", p.type()).POST(HttpRequest.BodyPublishers.ofByteArray(p.bytes())), 200);
    }

    private void openAndClose(MixedLoad.Caller c) throws Exception {
        String person = manualPeople.get(turn++ % manualPeople.size());
        Instant in = nextCheckIn.get(person);
        nextCheckIn.put(person, in.plusSeconds(2));
        String opened = c.call("POST /attendance (open)", c.request("/api/v1/attendance")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(
                        Map.of("person_id", person, "check_in", in.toString())))), 201);
        if (opened == null) {
            return;
        }
        long attendance = Json.MAPPER.readTree(opened).get("data").get("id").asLong();
        c.call("PATCH /attendance (close)", c.request("/api/v1/attendance/" + attendance)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                        Json.write(Map.of("check_out", in.plusSeconds(1).toString())))), 200);
    }
}
