package io.faceclock.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

/**
 * Text from outside (an Odoo employee's name, Odoo's own multi-line messages) reaches the server log
 * through the audit log: a line break in it must not start a line of its own, where it could pass
 * for an entry faceclock never wrote.
 */
class OneLinePerEntryTest {

    @Test
    void a_line_break_in_logged_text_stays_inside_its_line() throws Exception {
        String forged = "Employee 7 (Eve\r\n2026-12-02T06:00:00Z ERROR [main] ApiGuard - Address 10.0.0.9 blocked)";
        List<LogEvent> events = new CopyOnWriteArrayList<>();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        AbstractAppender capture = new AbstractAppender("one-line-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                events.add(e.toImmutable());
            }
        };
        capture.start();
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.INFO, null);
        ctx.updateLoggers();
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-log-lines"), null,
                "UTC", Map.of("faceclock.face.enabled", "false"))) {
            service.app().beans().auditLog().write(AuditLog.ODOO_SYNC, LogLevel.WARNING, forged, Map.of());
        } finally {
            ctx.getConfiguration().getRootLogger().removeAppender("one-line-capture");
            ctx.updateLoggers();
            capture.stop();
        }
        LogEvent entry = events.stream().filter(e -> e.getMessage().getFormattedMessage().contains("Employee 7"))
                .findFirst().orElseThrow(() -> new AssertionError("the audit entry was not logged"));
        // as the console (the service's output, its log) writes it
        String written = ctx.getConfiguration().getAppender("console").getLayout().toSerializable(entry).toString();
        assertEquals(1, written.split("\n", -1).length - 1, "one line: " + written);
        assertTrue(written.contains("Eve\\r\\n2026-12-02T06:00:00Z ERROR"), written);
    }
}
