package io.faceclock.fakeodoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** GET /web/version and /json/version: no auth, no database; sets a session cookie clients should ignore. */
final class WebVersionHandler implements HttpHandler {

    static final String CSRF = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n"
            + "<p>Session expired (invalid CSRF token)</p>\n";

    private final FakeOdoo fake;

    WebVersionHandler(FakeOdoo fake) {
        this.fake = fake;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            fake.count("web.version");
            if (!ex.getRequestMethod().equals("GET")) {
                RpcHandler.send(ex, 400, "text/html; charset=utf-8", CSRF.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("version_info", fake.version().versionInfo());
            v.put("version", fake.version().serie);
            ex.getResponseHeaders().add("Set-Cookie", "session_id=" + UUID.randomUUID().toString().replace("-", "")
                    + "; Expires=Thu, 03 Dec 2026 16:04:12 GMT; Max-Age=604800; HttpOnly; Path=/");
            RpcHandler.send(ex, 200, "application/json; charset=utf-8",
                    PyJson.dumps(v).getBytes(StandardCharsets.UTF_8));
        }
    }
}
