package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Odoo behind a self-signed certificate: refused by default, trusted through a trust store. */
class TlsTest {

    private static final String PASS = "changeit";

    @TempDir
    static Path dir;
    private static FakeOdoo odoo;
    private static Path trustStore;

    @BeforeAll
    static void startHttpsOdoo() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "odoo", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                serverStore.toString(), "-storepass", PASS, "-keypass", PASS).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool made a certificate");
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            server.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(server, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        odoo = FakeOdoo.startHttps(OdooVersion.V19, ctx);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("odoo", server.getCertificate("odoo"));
        trustStore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, "trust-pass".toCharArray());
        }
    }

    @AfterAll
    static void stop() {
        odoo.close();
    }

    private static OdooConnection admin() {
        return OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin");
    }

    @Test
    void a_self_signed_certificate_is_refused_by_default() {
        OdooException e = assertThrows(OdooException.class, () -> new XmlRpcOdooClient(admin()).version());
        assertEquals(OdooException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("trust store"), e.getMessage());
    }

    @Test
    void a_trust_store_holding_the_certificate_makes_it_trusted() {
        OdooConnection c = admin().withTrustStore(trustStore, "trust-pass");
        assertEquals(2, new XmlRpcOdooClient(c).authenticate());
        String key = "abcdefabcdefabcdefabcdefabcdefabcdef0001";
        odoo.addApiKey(FakeOdoo.ADMIN_UID, key);
        assertEquals(2, new OdooJson2Client(c.withPassword(key)).authenticate());
    }

    @Test
    void verification_can_be_turned_off_explicitly() {
        assertEquals("19.0", new XmlRpcOdooClient(admin().withoutTlsVerification()).version().serverVersion());
    }
}
