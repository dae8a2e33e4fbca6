package io.faceclock.app;

import io.faceclock.api.ApiException;
import io.faceclock.api.ApiGuard;
import io.faceclock.api.ApiRequest;
import io.faceclock.api.RestRoutes;
import io.faceclock.json.Json;
import io.faceclock.web.StaticPages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.faceclock.security.ClientAddress;
import io.faceclock.security.ObserverKeys;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * What the HTTP server answers before or instead of a route, in the API's JSON like every other
 * refusal: an oversized body (413, by its Content-Length before any of it is read, and for chunked
 * bodies when Vert.x's body limit trips), the web pages, and a path or method that no route or page
 * serves (404); and the headers every answer starts with (not stored by caches, not sniffed).
 */
final class HttpEdge {

    private HttpEdge() {
    }

    static void install(CamelContext context, long maxBytes, ApiGuard guard) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("The embedded HTTP server is not running (camel.server.enabled)");
        }
        VertxPlatformHttpRouter router = server.getRouter();
        router.route().order(-1000).handler(ctx -> {
            // every answer, unless its handler says otherwise (the pages, a thumbnail): it holds people's
            // data, and a cache on the way does not know X-API-Key is a credential
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("X-Content-Type-Options", "nosniff");
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > maxBytes) {
                tooLarge(ctx, maxBytes);
            } else {
                ctx.next();
            }
        });
        router.errorHandler(413, ctx -> tooLarge(ctx, maxBytes));
        router.route("/api/*").order(-999).handler(ctx -> keyBeforeBody(ctx, guard));
        // after every route Camel serves (even routes added later): the web pages (no key; the API calls
        // they make carry one), then, last of all, a path or method nobody serves answers in JSON too,
        // inside the API or not (/etc/passwd, /../.., …)
        router.route().order(Integer.MAX_VALUE - 1).handler(new StaticPages("web"));
        router.route().last().handler(ctx -> {
            // Vert.x routes each verb by its declared consumes, so a body of another type falls through to here
            String consumes = RestRoutes.consumedBy(context, ctx.request().method().name(), ctx.request().path())
                    .orElse(null);
            if (consumes != null) {
                String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
                json(ctx, 415, "Content-Type", "Send the body as " + String.join(" or ", consumes.split(","))
                        + (type == null ? "" : ", not " + type));
            } else {
                json(ctx, 404, "No such endpoint: " + ctx.request().method() + " " + ctx.request().path());
            }
        });
    }

    /**
     * A request with a body is held (nothing of the body read) until its key is known to be a live
     * one: else anyone could have the server buffer a body of the size limit per connection they
     * open (60 such connections took it from 360 MB to 1.9 GB). Refused as the API guard refuses, with
     * the connection closed, since the body is left unread.
     */
    private static void keyBeforeBody(RoutingContext ctx, ApiGuard guard) {
        HttpServerRequest req = ctx.request();
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean body = req.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && parse(length) > 0);
        if (!body) {
            ctx.next();
            return;
        }
        req.pause();
        String secret = ApiRequest.header(req, ApiGuard.HEADER);
        String forwarded = ApiRequest.header(req, "X-Forwarded-For");
        String peer = req.remoteAddress().hostAddress();
        ctx.vertx().executeBlocking(() -> guard.refusalBeforeBody(secret, peer, forwarded, req.method().name(),
                req.path()), false)
                .onComplete(done -> {
                    // the database away: let the request through, the guard answers it (503)
                    ApiException refusal = done.succeeded() ? done.result() : null;
                    if (refusal == null) {
                        req.resume();
                        ctx.next();
                        return;
                    }
                    if (refusal instanceof ApiGuard.Blocked blocked) {
                        ctx.response().putHeader("Retry-After", String.valueOf(blocked.seconds()));
                    }
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    json(ctx, refusal.status(), refusal.field(), refusal.getMessage());
                });
    }

    /**
     * Metrics served on faceclock's own port need an admin or read key, checked before Camel's
     * metrics handler (a blocking handler: the key may be looked up in the database).
     */
    static void guardMetrics(CamelContext context, String path, ObserverKeys observers, Set<String> trustedProxies) {
        VertxPlatformHttpRouter router = context.hasService(MainHttpServer.class).getRouter();
        router.route(path).order(-999).blockingHandler(ctx -> {
            String address = ClientAddress.of(ctx.request().remoteAddress().hostAddress(),
                    ApiRequest.header(ctx.request(), "X-Forwarded-For"), trustedProxies);
            ObserverKeys.Access access = observers.access(ApiRequest.header(ctx.request(), ApiGuard.HEADER), address,
                    path);
            switch (access) {
                case DETAILS -> ctx.next();
                case NO_KEY -> json(ctx, 401, ApiGuard.HEADER, "Metrics need an admin or read API key in the X-API-Key header");
                case WRONG_KEY -> json(ctx, 401, ApiGuard.HEADER, "Unknown or revoked API key");
                case TOO_SMALL -> json(ctx, 403, ApiGuard.HEADER, "Metrics need an admin or read API key, not a kiosk key");
                case BLOCKED -> json(ctx, 429, ApiGuard.HEADER, "Too many requests with a wrong API key from " + address);
                default -> throw new IllegalStateException(access.name());
            }
        }, false);
    }

    private static void json(RoutingContext ctx, int status, String message) {
        json(ctx, status, null, message);
    }

    private static void json(RoutingContext ctx, int status, String field, String message) {
        if (ctx.response().ended()) {
            return;
        }
        String safe = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(Json.write(field == null ? Map.of("success", false, "error", safe)
                        : Map.of("success", false, "field", field, "error", safe)));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void tooLarge(RoutingContext ctx, long maxBytes) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.write(Map.of("success", false, "field", "body",
                        "error", "The request body is larger than the limit of " + maxBytes + " bytes")));
    }
}
