package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Odoo's datetime format, the connection's printable form, and value conversion. */
class OdooValuesTest {

    @Test
    void instants_become_odoo_strings_without_t_offset_or_fraction() {
        assertEquals("2025-01-15 08:00:00", OdooDates.format(Instant.parse("2025-01-15T08:00:00.123456Z")));
        assertEquals(Instant.parse("2025-01-15T08:00:00Z"), OdooDates.parse("2025-01-15 08:00:00"));
        OdooException e = assertThrows(OdooException.class, () -> OdooDates.parse("2025-01-15T08:00:00Z"));
        assertEquals(OdooException.Kind.PROTOCOL, e.kind());
    }

    @Test
    void nested_instants_and_nulls_are_converted_for_the_wire() {
        Object wire = OdooValues.toWire(Map.of("check_in", Instant.parse("2025-01-15T08:00:00Z"),
                "domain", List.of(List.of("write_date", ">=", Instant.parse("2025-01-01T00:00:00Z")))));
        assertEquals(Map.of("check_in", "2025-01-15 08:00:00",
                "domain", List.of(List.of("write_date", ">=", "2025-01-01 00:00:00"))), wire);
        assertEquals(Boolean.FALSE, OdooValues.toWire(null));
        assertEquals(7, OdooValues.toWire(7L));
    }

    @Test
    void the_connection_never_prints_its_passwords() {
        OdooConnection c = OdooConnection.of("https://odoo.example.com/", "prod", "clock", "hunter2-secret")
                .withTrustStore(java.nio.file.Path.of("/etc/ca.p12"), "store-secret");
        assertFalse(c.toString().contains("hunter2-secret"), c.toString());
        assertFalse(c.toString().contains("store-secret"), c.toString());
        assertTrue(c.toString().contains("username=clock"));
        assertEquals("odoo.example.com:443", c.hostPort());
        assertTrue(c.verifyTls(), "TLS is verified unless turned off explicitly");
    }

    @Test
    void only_http_and_https_urls_are_accepted() {
        assertThrows(IllegalArgumentException.class, () -> OdooConnection.of("ftp://odoo", "db", "u", "p"));
    }
}
