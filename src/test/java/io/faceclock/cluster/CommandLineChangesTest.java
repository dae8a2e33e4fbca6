package io.faceclock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import io.faceclock.face.Shared;
import io.faceclock.people.PersonFields;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On H2, a person archived by another user of the database (the command line) is seen by the service within 2 s. */
class CommandLineChangesTest {

    @Test
    void a_person_archived_through_the_database_by_another_process_is_no_longer_recognised() throws Exception {
        Path data = Files.createTempDirectory("faceclock-cli-changes");
        try (RunningService service = RunningService.start(data, null, "UTC",
                Map.of("faceclock.models.dir", Shared.models().toString()))) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "amy", "name", "Amy")).status());
            List<String> photos = List.of(1, 2, 3).stream().map(i -> Base64.getEncoder()
                    .encodeToString(Shared.photo("bbt/amy/amy" + i + ".png"))).toList();
            assertEquals(201, service.post("/api/v1/persons/amy/faces", Map.of("images", photos)).status());
            assertEquals("amy", recognize(service).path("person_id").asText(), "recognised on its own node at once");

            // as `faceclock pull` would, from a process of its own on the same H2 database
            try (FaceclockConfiguration other = FaceclockConfiguration.of(Settings.of(Map.of(Settings.DATA_DIR,
                    data.toString())))) {
                other.people().update("amy", p -> archived(p.fields()));
            }

            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            JsonNode face;
            do {
                face = recognize(service);
                if (!"amy".equals(face.path("person_id").asText())) {
                    return;
                }
            } while (System.nanoTime() < until);
            fail("still recognised as amy 2 s after being archived elsewhere: " + face);
        }
    }

    private static JsonNode recognize(RunningService service) {
        Reply r = service.bytes("POST", "/api/v1/recognize", Shared.photo("bbt/amy/amy4.png"), "image/png",
                service.adminKey());
        assertEquals(200, r.status(), r.toString());
        return r.json().get("faces").get(0);
    }

    private static PersonFields archived(PersonFields f) {
        return new PersonFields(f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                f.metadata(), false, f.odooEmployeeId());
    }
}
