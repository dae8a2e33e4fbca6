package io.faceclock.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web pages: files under {@code web/} on the classpath (inside the jar), for GET and HEAD.
 * The pages need no key; every API call they make sends one. A request path must be plain
 * lower-case names (no dots but the extension, no percent-escapes, no backslashes), so nothing
 * outside {@code web/} can be named. Vert.x's StaticHandler is not used because it looks for the
 * web root in the working folder before the classpath.
 */
public final class StaticPages implements Handler<RoutingContext> {

    private static final Pattern SAFE_PATH = Pattern.compile("(/[a-z0-9][a-z0-9_-]{0,63}){1,4}\\.(html|css|js|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    /** Only this server's own scripts, styles and API; the camera stream and photos as blobs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; media-src 'self' blob: mediastream:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String root;
    private final ClassLoader loader;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public StaticPages(String root) {
        this.root = root;
        this.loader = StaticPages.class.getClassLoader();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        String path = ctx.request().path();
        if ("/".equals(path)) {
            path = "/index.html";
        }
        Optional<byte[]> file = SAFE_PATH.matcher(path).matches() ? find(path) : Optional.empty();
        if (file.isEmpty()) {
            ctx.next();
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        var response = ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, TYPES.get(ext))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (method == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(file.get().length)).end();
        } else {
            response.end(Buffer.buffer(file.get()));
        }
    }

    /** Files found are kept; misses are not, so made-up names cannot fill the memory. */
    private Optional<byte[]> find(String path) {
        byte[] known = cache.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> file = load(path);
        file.ifPresent(bytes -> cache.put(path, bytes));
        return file;
    }

    private Optional<byte[]> load(String path) {
        try (InputStream in = loader.getResourceAsStream(root + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
