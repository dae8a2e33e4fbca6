package io.faceclock.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faceclock.support.PrivatePostgres;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PostgreSQL stopped under a running service, then started again: 503 meanwhile, then back by itself. */
class DatabaseLostTest {

    @Test
    void while_postgresql_is_away_requests_answer_503_and_the_service_recovers_by_itself() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL server under /usr/lib/postgresql/*/bin "
                + "(apt-get install postgresql): the database-lost test is skipped");
        try (PrivatePostgres pg = PrivatePostgres.start(bin.get());
             RunningService service = RunningService.start(Files.createTempDirectory("faceclock-dblost"),
                     pg.jdbcUrl(), "UTC", Map.of("faceclock.db.connection-timeout-seconds", "3"))) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "KEEP1", "name", "Kept")).status());

            pg.stopServer();
            Reply listing = service.get("/api/v1/persons");
            assertEquals(503, listing.status(), listing.toString());
            assertFalse(listing.json().get("success").asBoolean());
            assertTrue(listing.json().get("error").asText().contains("database"), listing.toString());
            Reply adding = service.post("/api/v1/persons", Map.of("person_id", "LOST1", "name", "Lost"));
            assertEquals(503, adding.status(), adding.toString());
            assertEquals(503, service.get("/observe/health").status());

            pg.startServer();
            Instant end = Instant.now().plusSeconds(30);
            Reply back = service.get("/api/v1/persons");
            while (back.status() != 200 && Instant.now().isBefore(end)) {
                Thread.sleep(200);
                back = service.get("/api/v1/persons");
            }
            assertEquals(200, back.status(), "back by itself: " + back);
            assertTrue(back.body().contains("KEEP1"));
            assertFalse(back.body().contains("LOST1"), "the refused request stored nothing");
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "NEW1", "name", "New")).status());
            assertEquals(200, service.get("/observe/health").status());
        }
    }
}
