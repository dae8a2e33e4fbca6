package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.Hostile;
import io.faceclock.fakeodoo.OdooVersion;
import org.junit.jupiter.api.Test;

/** Masking a secret a server echoed never makes the rest of a message unreadable. */
class ReadableMessagesTest {

    @Test
    void a_one_letter_password_leaves_every_p_of_a_message_alone() {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18)) {
            odoo.hostile(Hostile.NOT_ODOO_404);
            XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", "p"));
            OdooException e = assertThrows(OdooException.class, c::version);
            assertEquals(OdooException.Kind.NOT_ODOO, e.kind());
            assertTrue(e.getMessage().startsWith("http://127.0.0.1:" + odoo.port() + "/xmlrpc/2/common is not an Odoo"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("(scheme, host, port, no path)"), e.getMessage());
            assertFalse(e.getMessage().contains("***"), e.getMessage());
        }
    }

    @Test
    void a_secret_is_masked_where_it_stands_alone_and_a_long_one_anywhere() {
        assertEquals("http://x: password *** refused", Secrets.scrub("http://x: password p refused", "p"));
        assertEquals("key=*** (***)", Secrets.scrub("key=p (p)", "p"));
        assertEquals("apply pip", Secrets.scrub("apply pip", "p"));
        assertEquals("token x***y", Secrets.scrub("token xLong-Secret-1y", "Long-Secret-1"));
        assertEquals("nothing to hide", Secrets.scrub("nothing to hide", "", null));
    }
}
