package io.faceclock.app;

import io.faceclock.json.Json;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the HTTP server refuses before any route sees the request, answered in the API's JSON and
 * with the connection closed: a request carrying both Content-Length and Transfer-Encoding (RFC 9112
 * §6.3: a request smuggling attempt; Netty would drop the Content-Length and read the rest of the
 * body as the next request), a request line too long (414), headers too large (431), and anything
 * else that is not HTTP (400); and a connection that does not deliver a request in time is closed.
 *
 * <p>Camel's platform-http creates and starts the Vert.x server itself, leaving no hook before it
 * listens; it does take the {@link Vertx} from the registry. So faceclock gives it a Vertx whose
 * {@code createHttpServer} sets the invalid-request and connection handlers; everything else is the
 * real Vertx's.
 */
final class HttpConnectionGuard {

    static final String DECODER = "httpDecoder";
    /** Vert.x's own last handler of the pipeline, which turns Netty's messages into requests. */
    static final String VERTX_HANDLER = "handler";

    private HttpConnectionGuard() {
    }

    /** The Vertx to bind in Camel's registry; the caller closes the real one when Camel has stopped. */
    static Vertx guarded(Vertx real, Duration requestTimeout) {
        return (Vertx) Proxy.newProxyInstance(HttpConnectionGuard.class.getClassLoader(),
                new Class<?>[] {VertxInternal.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createHttpServer")) {
                        HttpServerOptions options = args != null && args.length == 1
                                && args[0] instanceof HttpServerOptions o ? o : new HttpServerOptions();
                        // without h2c the HTTP/1 pipeline is built when the connection opens, before a byte
                        // is read, so the connection handler can swap the decoder while it holds nothing
                        options.setHttp2ClearTextEnabled(false);
                        HttpServer server = real.createHttpServer(options);
                        server.invalidRequestHandler(r -> refuse(r, options));
                        server.connectionHandler(c -> guardConnection(c, options, requestTimeout));
                        return server;
                    }
                    if (method.getName().equals("equals") && args != null && args.length == 1) {
                        return proxy == args[0];
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void guardConnection(HttpConnection connection, HttpServerOptions options, Duration requestTimeout) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(DECODER) instanceof VertxHttpRequestDecoder) {
                pipeline.replace(DECODER, DECODER, new SmugglingRefusingDecoder(options));
            }
            if (pipeline.get(VERTX_HANDLER) != null) {
                pipeline.addBefore(VERTX_HANDLER, "requestDeadline", new RequestDeadline(requestTimeout.toMillis()));
            }
        }
    }

    /** Marks a request with both framings as invalid and reads nothing more from that connection. */
    static final class SmugglingRefusingDecoder extends VertxHttpRequestDecoder {
        private boolean refused;

        SmugglingRefusingDecoder(HttpServerOptions options) {
            super(options);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            refused = true;
            message.setDecoderResult(DecoderResult.failure(new BothFramings()));
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (refused) {
                buffer.skipBytes(buffer.readableBytes()); // its body, and any request hidden in it
                return;
            }
            super.decode(ctx, buffer, out);
        }
    }

    static final class BothFramings extends Exception {
        BothFramings() {
            super("both Content-Length and Transfer-Encoding", null, false, false);
        }
    }

    static void refuse(HttpServerRequest request, HttpServerOptions options) {
        Throwable cause = request.decoderResult().cause();
        int status = 400;
        String field = null;
        String message = "The request is not valid HTTP/1.1";
        if (cause instanceof BothFramings) {
            field = "Transfer-Encoding";
            message = "A request may carry Content-Length or Transfer-Encoding, not both (RFC 9112 section 6.3)";
        } else if (cause instanceof TooLongFrameException && String.valueOf(cause.getMessage())
                .startsWith("An HTTP line is larger than")) {
            status = 414;
            field = "url";
            message = "The request line is longer than the limit of " + options.getMaxInitialLineLength()
                    + " bytes; send long values in a JSON body";
        } else if (cause instanceof TooLongFrameException && String.valueOf(cause.getMessage())
                .startsWith("HTTP header is larger than")) {
            status = 431;
            field = "headers";
            message = "The request headers are larger than the limit of " + options.getMaxHeaderSize()
                    + " bytes";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.write(body))
                .onComplete(done -> request.connection().close());
    }
}
