package io.faceclock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import io.faceclock.support.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes on one PostgreSQL, each with its own in-memory gallery: what is enrolled, deleted or
 * archived through node A is what node B recognises within 2 s, on real photos.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesPeopleTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    private TestPostgres pg;
    private RunningService a;
    private RunningService b;

    @BeforeAll
    void start() throws Exception {
        pg = TestPostgres.open();
        String url = pg.url();
        var data = Files.createTempDirectory("faceclock-two-nodes-people");
        a = node(data, url, "node-a");
        b = node(data, url, "node-b");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {b, a, pg}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void a_face_enrolled_on_one_node_is_recognised_on_the_other_and_its_deletion_stops_that() {
        enrol("penny");
        JsonNode seen = awaitOnB("penny", "penny4.png", f -> "penny".equals(f.path("person_id").asText()),
                "recognised as penny");
        assertEquals("recognized", seen.get("decision").asText(), seen.toString());
        assertEquals(3, seen.at("/best/templates").asInt(), "all three templates reached node B: " + seen);

        for (JsonNode face : a.get("/api/v1/persons/penny/faces").data()) {
            assertEquals(200, a.delete("/api/v1/persons/penny/faces/" + face.get("face_id").asText()).status());
        }
        awaitOnB("penny", "penny4.png", f -> "unknown".equals(f.get("decision").asText()), "unknown");
    }

    @Test
    void a_person_archived_on_one_node_is_no_longer_recognised_on_the_other() {
        enrol("howard");
        awaitOnB("howard", "howard4.png", f -> "howard".equals(f.path("person_id").asText()), "recognised as howard");

        assertEquals(200, a.patch("/api/v1/persons/howard", Map.of("active", false)).status());
        awaitOnB("howard", "howard4.png", f -> !"howard".equals(f.path("person_id").asText()), "no longer howard");
    }

    @Test
    void a_person_deleted_on_one_node_is_no_longer_recognised_on_the_other() {
        enrol("leonard");
        awaitOnB("leonard", "leonard4.png", f -> "leonard".equals(f.path("person_id").asText()),
                "recognised as leonard");

        assertEquals(200, a.delete("/api/v1/persons/leonard").status());
        awaitOnB("leonard", "leonard4.png", f -> "unknown".equals(f.get("decision").asText()), "unknown");
    }

    private static RunningService node(java.nio.file.Path data, String url, String id) throws Exception {
        // one data folder: the same secret key and admin key file, as two nodes of one site share them
        return RunningService.start(data, url, "UTC", Map.of(Node.SETTING, id, "camel.main.name", "faceclock-" + id,
                "faceclock.models.dir", Shared.models().toString()));
    }

    /** Creates the person on node A and enrols their first three photos there. */
    private void enrol(String who) {
        assertEquals(201, a.post("/api/v1/persons", Map.of("person_id", who, "name", who)).status());
        List<String> photos = List.of(1, 2, 3).stream().map(i -> Base64.getEncoder()
                .encodeToString(Shared.photo("bbt/" + who + "/" + who + i + ".png"))).toList();
        Reply enrolled = a.post("/api/v1/persons/" + who + "/faces", Map.of("images", photos));
        assertEquals(201, enrolled.status(), enrolled.toString());
    }

    /** Asks node B about the photo until its answer satisfies the condition; fails after 2 s. */
    private JsonNode awaitOnB(String who, String photo, Predicate<JsonNode> condition, String what) {
        byte[] image = Shared.photo("bbt/" + who + "/" + photo);
        long until = System.nanoTime() + WITHIN.toNanos();
        JsonNode last;
        do {
            Reply r = b.bytes("POST", "/api/v1/recognize", image, "image/png", b.adminKey());
            assertEquals(200, r.status(), r.toString());
            last = r.json().get("faces").get(0);
            if (condition.test(last)) {
                return last;
            }
        } while (System.nanoTime() < until);
        return fail("node B did not answer " + what + " for " + photo + " within " + WITHIN.toSeconds() + " s: " + last);
    }
}
