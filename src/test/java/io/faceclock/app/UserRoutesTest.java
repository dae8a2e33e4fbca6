package io.faceclock.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserRoutesTest {

    @Test
    void a_users_routes_folder_adds_routes_and_replaces_built_in_ones_by_id() throws Exception {
        Path routes = Files.createTempDirectory("faceclock-user-routes");
        Files.writeString(routes.resolve("site.yaml"), """
                - rest:
                    get:
                      - id: sync-status
                        path: /sync/status
                        to: direct:site-sync-status
                - route:
                    id: site-sync-status
                    from:
                      uri: direct:site-sync-status
                      steps:
                        - setBody:
                            constant: '{"success": true, "odoo": {"enabled": false}, "site": "ours"}'
                - route:
                    id: site-ping
                    from:
                      uri: platform-http:/site/ping
                      steps:
                        - setBody:
                            constant: pong
                """);
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-ur"), null, "UTC",
                Map.of("faceclock.routes.dir", routes.toString()))) {
            assertEquals("pong", service.raw("GET", "/site/ping", null, null, null).body());
            RunningService.Reply status = service.get("/api/v1/sync/status");
            assertEquals("ours", status.json().get("site").asText(), status.toString());
            assertEquals(401, service.send("GET", "/api/v1/sync/status", null, null).status(),
                    "a replaced REST route is still behind the key check");
            assertTrue(service.app().camel().getRoute("purge-old-logs") != null, "other built-in routes stay");
        }
    }
}
