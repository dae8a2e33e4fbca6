package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faceclock.app.FaceclockApp;
import io.faceclock.config.Settings;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolSettingTest {

    @Test
    void an_unknown_protocol_stops_the_start_instead_of_meaning_xmlrpc() throws Exception {
        Settings s = Settings.of(Map.of(Settings.DATA_DIR, Files.createTempDirectory("faceclock-protocol").toString(),
                Settings.PORT, String.valueOf(RunningService.freePort()), Settings.HOST, "127.0.0.1",
                "faceclock.odoo.protocol", "jsonrpc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceclockApp.start(s).close());
        assertEquals("Setting faceclock.odoo.protocol must be auto, xmlrpc or json2, got 'jsonrpc'", e.getMessage());
    }
}
