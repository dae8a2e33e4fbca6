package io.faceclock.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP relay between faceclock and the fake Odoo, for fault injection: Odoo "goes down"
 * (connections refused) and comes back with its data intact, answers slowly or with garbage, or
 * commits a call and has its answer held back (as when a network cut or a crash of faceclock
 * falls between Odoo's commit and faceclock reading the answer).
 */
public final class OdooRelay implements AutoCloseable {

    /** What the relay does with a call. */
    public enum Answer {
        /** Odoo's own answer. */
        PASS,
        /** Odoo does the work; its answer comes only after the slow delay. */
        SLOW,
        /** A proxy's HTML error page; Odoo never sees the call. */
        HTML_ERROR_PAGE,
        /** Odoo does the work; half of its XML answer arrives. */
        TRUNCATED_XML,
        /** A bare 500; Odoo never sees the call. */
        SERVER_ERROR
    }

    private static final byte[] HTML_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body>"
            + "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final String target;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger seen = new AtomicInteger();
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile Answer answer = Answer.PASS;
    private volatile Predicate<String> answerTo = body -> true;
    private volatile Duration slowBy = Duration.ofSeconds(5);
    private volatile Hold hold;

    private OdooRelay(String target, int port) {
        this.target = target.replaceAll("/+$", "");
        this.port = port;
        up();
    }

    /** A relay to the Odoo at targetUrl on a free loopback port. */
    public static OdooRelay start(String targetUrl) {
        try {
            return new OdooRelay(targetUrl, RunningService.freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Calls that reached the relay while it was up. */
    public int calls() {
        return seen.get();
    }

    /** Odoo unreachable: the port refuses connections and open ones are cut. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Odoo reachable again on the same address, with everything it held. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "odoo-relay");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this::relay);
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void answer(Answer mode) {
        answer(mode, body -> true);
    }

    /** Answers the calls whose body matches in this way, the others as Odoo does. */
    public void answer(Answer mode, Predicate<String> requestBody) {
        answerTo = requestBody;
        answer = mode;
    }

    /** An XML-RPC call of method on model, for {@link #answer} and {@link #holdAnswerTo}. */
    public static Predicate<String> call(String model, String method) {
        return body -> body.contains(">" + model + "<") && body.contains(">" + method + "<");
    }

    public void slowBy(Duration delay) {
        slowBy = delay;
    }

    /** From now on, the answer to the first call whose body matches is held back once Odoo has answered it. */
    public Hold holdAnswerTo(Predicate<String> requestBody) {
        Hold h = new Hold(requestBody);
        hold = h;
        return h;
    }

    @Override
    public void close() {
        Hold h = hold;
        if (h != null) {
            h.release();
        }
        down();
    }

    private void relay(HttpExchange ex) throws IOException {
        try (ex) {
            seen.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            Answer mode = answerTo.test(new String(body, StandardCharsets.UTF_8)) ? answer : Answer.PASS;
            if (mode == Answer.HTML_ERROR_PAGE) {
                send(ex, 502, "text/html", HTML_PAGE);
                return;
            }
            if (mode == Answer.SERVER_ERROR) {
                send(ex, 500, "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> odoo = forward(ex, body);
            byte[] answerBody = odoo.body();
            Hold h = hold;
            if (h != null && h.claim(new String(body, StandardCharsets.UTF_8))) {
                h.committed.countDown();
                h.released.await();
            }
            if (mode == Answer.SLOW) {
                Thread.sleep(slowBy.toMillis());
            } else if (mode == Answer.TRUNCATED_XML) {
                answerBody = Arrays.copyOf(answerBody, answerBody.length / 2);
            }
            send(ex, odoo.statusCode(), odoo.headers().firstValue("Content-Type").orElse("text/xml"), answerBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                .timeout(Duration.ofMinutes(2))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : new String[] {"Content-Type", "Authorization", "X-Odoo-Database", "Accept"}) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** One answer held back after Odoo committed the call. */
    public static final class Hold {
        private final Predicate<String> matches;
        private final CountDownLatch committed = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger claimed = new AtomicInteger();

        private Hold(Predicate<String> matches) {
            this.matches = matches;
        }

        private boolean claim(String body) {
            return matches.test(body) && claimed.compareAndSet(0, 1);
        }

        /** Waits until Odoo has committed the matching call (its answer is now held). */
        public boolean awaitCommitted(Duration max) throws InterruptedException {
            return committed.await(max.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Lets the held answer go (to a caller that may no longer be there). */
        public void release() {
            released.countDown();
        }
    }
}
