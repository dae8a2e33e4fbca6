package io.faceclock.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TimeZone;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;

/** The schedules fire on the site's wall clock, and /sync/status shows when they really fire next. */
class SchedulesTest {

    private static final String SITE = "Asia/Kathmandu";   // +05:45 all year: no offset looks like another

    @Test
    void a_schedule_changed_in_a_users_route_shows_its_real_next_run_in_the_sites_zone() throws Exception {
        Path routes = Files.createTempDirectory("faceclock-schedules");
        Files.writeString(routes.resolve("pull.yaml"), """
                - route:
                    id: odoo-pull-employees
                    from:
                      uri: quartz:odoo/pull
                      parameters:
                        cron: "0 30 7 * * ?"
                        trigger.timeZone: "{{faceclock.timezone}}"
                      steps:
                        - bean:
                            ref: odooSchedule
                            method: pull
                """);
        TimeZone jvmZone = TimeZone.getDefault();
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-sched"), null, SITE,
                Map.of("faceclock.routes.dir", routes.toString()))) {
            JsonNode next = service.get("/api/v1/sync/status").data().get("odoo").get("next_runs");
            assertEquals(4, next.size(), next.toString());
            next.fields().forEachRemaining(e -> assertTrue(
                    e.getValue().asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+05:45"),
                    e.getKey() + " is ISO-8601 with the site's offset, whole seconds: " + next));
            assertTrue(next.get("pull").asText().endsWith("T07:30:00+05:45"), "the user's cron: " + next);
            OffsetDateTime fullPull = OffsetDateTime.parse(next.get("full_pull").asText());
            assertEquals("05:00", fullPull.toLocalTime().toString(), next.toString());
            assertEquals(DayOfWeek.SUNDAY, fullPull.getDayOfWeek(), next.toString());
            assertTrue(next.get("push").asText().endsWith("T23:00:00+05:45"), next.toString());

            int quartzRoutes = 0;
            for (org.apache.camel.Route route : service.app().camel().getRoutes()) {
                if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                    quartzRoutes++;
                    CronTrigger trigger = (CronTrigger) quartz.getComponent().getScheduler()
                            .getTrigger(quartz.getTriggerKey());
                    assertEquals(SITE, trigger.getTimeZone().getID(), route.getRouteId()
                            + ": each trigger carries the site's zone");
                }
            }
            assertTrue(quartzRoutes >= 7, "every shipped schedule was checked: " + quartzRoutes);
            assertEquals(jvmZone, TimeZone.getDefault(), "the JVM's own zone is left alone");
        }
    }
}
