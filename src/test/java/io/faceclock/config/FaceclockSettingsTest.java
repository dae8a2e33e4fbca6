package io.faceclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.attendance.PunchPolicy;
import io.faceclock.face.PersonScoring;
import io.faceclock.odoo.OdooProtocol;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings are read once, typed; a wrong value stops the start and names the setting and what it may be. */
class FaceclockSettingsTest {

    private static String refusal(Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class, () -> FaceclockSettings.read(Settings.of(settings)))
                .getMessage();
    }

    @Test
    void the_defaults_come_from_application_properties_alone() {
        FaceclockSettings s = FaceclockSettings.read(Settings.of(Map.of()));
        assertEquals(8080, s.http().port());
        assertEquals(PunchPolicy.TOGGLE, s.attendance().defaultPolicy());
        assertEquals(Duration.ofSeconds(60), s.attendance().cooldown());
        assertEquals(OdooProtocol.AUTO, s.odoo().protocol());
        assertEquals(Duration.ofSeconds(10), s.odoo().connectTimeout());
        assertNull(s.odoo().url());
        assertNull(s.database().url(), "no URL: embedded H2");
        assertEquals(PersonScoring.BEST_TWO, s.faces().rule().scoring());
    }

    @Test
    void an_unknown_policy_or_protocol_is_a_start_up_error_naming_the_allowed_values() {
        String policy = refusal(Map.of("faceclock.attendance.policy", "first-in"));
        assertTrue(policy.contains("faceclock.attendance.policy") && policy.contains("toggle or first-in-last-out")
                && policy.contains("'first-in'"), policy);
        String bySource = refusal(Map.of("faceclock.attendance.policy-by-source", "gate:sometimes"));
        assertTrue(bySource.contains("policy-by-source") && bySource.contains("'sometimes'"), bySource);
        String protocol = refusal(Map.of("faceclock.odoo.protocol", "soap"));
        assertTrue(protocol.contains("faceclock.odoo.protocol") && protocol.contains("auto, xmlrpc or json2"), protocol);
    }

    @Test
    void wrong_numbers_flags_times_and_zones_are_named() {
        assertTrue(refusal(Map.of("faceclock.port", "80a")).contains("faceclock.port must be a whole number"));
        assertTrue(refusal(Map.of("faceclock.odoo.verify-tls", "yes")).contains("faceclock.odoo.verify-tls must be "
                + "true or false"));
        assertTrue(refusal(Map.of("faceclock.attendance.auto-close-at", "25:00")).contains("auto-close-at"));
        assertTrue(refusal(Map.of("faceclock.timezone", "Mars/Olympus")).contains("faceclock.timezone"));
        assertTrue(refusal(Map.of("faceclock.face.match-threshold", "high")).contains("faceclock.face.match-threshold"));
        String scoring = refusal(Map.of("faceclock.face.person-score", "median"));
        assertTrue(scoring.contains("best or best-two or mean"), scoring);
    }

    @Test
    void values_are_case_and_dash_tolerant_and_lists_drop_blanks() {
        FaceclockSettings s = FaceclockSettings.read(Settings.of(Map.of("faceclock.attendance.policy",
                "First-In-Last-Out", "faceclock.attendance.policy-by-source", "kiosk:toggle, ,gate:first-in-last-out",
                "faceclock.security.trusted-proxies", "10.0.0.1, ,10.0.0.2")));
        assertEquals(PunchPolicy.FIRST_IN_LAST_OUT, s.attendance().defaultPolicy());
        assertEquals(Map.of("kiosk", PunchPolicy.TOGGLE, "gate", PunchPolicy.FIRST_IN_LAST_OUT),
                s.attendance().bySource());
        assertEquals(2, s.security().trustedProxies().size());
    }

    @Test
    void secrets_stay_out_of_the_settings_text() {
        FaceclockSettings s = FaceclockSettings.read(Settings.of(Map.of("faceclock.db.password", "s3cret-db",
                "faceclock.odoo.password", "s3cret-odoo")));
        assertTrue(!s.toString().contains("s3cret") && !s.odoo().toString().contains("s3cret")
                && !s.database().toString().contains("s3cret"), s.toString());
    }
}
