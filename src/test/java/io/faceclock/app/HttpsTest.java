package io.faceclock.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** faceclock's own API over HTTPS, with a self-signed certificate made here by keytool. */
class HttpsTest {

    private static final String PASS = "https-store-pass";

    @Test
    void the_api_answers_over_https_with_the_configured_certificate_and_not_over_plain_http() throws Exception {
        Path dir = Files.createTempDirectory("faceclock-https");
        Path store = dir.resolve("faceclock.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "faceclock", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASS, "-keypass", PASS).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool made a certificate");

        try (RunningService service = RunningService.start(dir.resolve("data"), null, "Europe/Brussels",
                Map.of("faceclock.https.key-store", store.toString(), "faceclock.https.key-store-password", PASS))) {
            String port = service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1);
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(store))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> persons = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/api/v1/persons")).header("X-API-Key", service.adminKey())
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, persons.statusCode(), persons.body());
            assertTrue(persons.body().contains("\"success\":true"), persons.body());
            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/observe/health")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            boolean refused;
            try {
                HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/persons")).header("X-API-Key", service.adminKey()).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                refused = r.statusCode() != 200;
            } catch (IOException e) {
                refused = true;
            }
            assertTrue(refused, "no plain-HTTP answer on the HTTPS port");
            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThrows(IOException.class, () -> untrusting.send(HttpRequest.newBuilder(URI.create(
                    "https://127.0.0.1:" + port + "/observe/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()), "a client that does not trust the certificate is refused");
            assertFalse(Files.readString(service.dataDir().resolve("admin-api-key.txt")).contains(PASS));
        }
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            server.load(in, PASS.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("faceclock", server.getCertificate("faceclock"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
