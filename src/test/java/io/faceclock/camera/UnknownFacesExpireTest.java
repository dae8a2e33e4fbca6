package io.faceclock.camera;

import static io.faceclock.camera.CameraFixture.awaitCamera;
import static io.faceclock.camera.CameraFixture.clip;
import static io.faceclock.camera.CameraFixture.inState;
import static io.faceclock.camera.CameraFixture.templatedRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import io.faceclock.support.TestClock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/**
 * The unknown-faces queue keeps a stranger's snapshot for faceclock.cameras.unknown-retention-days
 * (7 by default) and the nightly purge route removes it after that; time moves on the injected clock.
 */
class UnknownFacesExpireTest {

    private static final String ROUTE = "purge-unknown-faces";

    @Test
    void a_strangers_snapshot_stays_seven_days_and_the_nightly_purge_then_removes_it() throws Exception {
        TestClock clock = TestClock.startingNow();
        Map<String, String> settings = new HashMap<>();
        settings.put("faceclock.models.dir", Shared.models().toString());
        settings.put("faceclock.routes.dir", CameraFixture.routesFolder(templatedRoute("lobby",
                clip("asl/person_b_milk.mkv").toString(), Map.of("realtime", "false"))).toString());
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-unknown-expire"), null,
                "UTC", settings, clock)) {
            awaitCamera(service, "lobby", inState("ended"), Duration.ofSeconds(60), "the clip should play to its end");
            JsonNode queued = service.get("/api/v1/unknown-faces").data();
            assertTrue(queued.size() >= 1, "nobody is enrolled: the face seen is queued as unknown: " + queued);
            String snapshot = queued.get(0).get("snapshot_url").asText();
            assertEquals(200, service.get(snapshot).status());

            clock.advance(Duration.ofDays(7).minusMinutes(1));
            runPurge(service);
            assertEquals(queued.size(), service.get("/api/v1/unknown-faces").data().size(),
                    "younger than 7 days: still waiting to be assigned");

            clock.advance(Duration.ofMinutes(2));
            runPurge(service);
            assertEquals(0, service.get("/api/v1/unknown-faces").data().size(), "older than 7 days: removed");
            assertEquals(404, service.get(snapshot).status(), "its snapshot is gone too");
            JsonNode logs = service.get("/api/v1/logs?category=camera&limit=50").data();
            assertTrue(logs.toString().contains("Removed " + queued.size() + " unknown faces older than 7 days"),
                    "the purge says what it removed: " + logs);
        }
    }

    /** Fires the purge route's Quartz trigger now, as the nightly cron would, and waits until the route is done. */
    private static void runPurge(RunningService service) throws Exception {
        var camel = service.app().camel();
        QuartzEndpoint purge = (QuartzEndpoint) camel.getRoute(ROUTE).getEndpoint();
        Scheduler scheduler = purge.getComponent().getScheduler();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(ROUTE).whenDone(1).create();
        scheduler.triggerJob(scheduler.getTrigger(purge.getTriggerKey()).getJobKey());
        assertTrue(done.matches(30, TimeUnit.SECONDS), "the purge route should run");
    }
}
