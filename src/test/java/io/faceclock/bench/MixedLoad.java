package io.faceclock.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of N clients, each doing one operation after another from a weighted mix; every
 * HTTP call is timed under its operation's name and counts as an error unless its status is the
 * expected one.
 */
final class MixedLoad {

    /** One client's next operation: it makes its calls through the given caller. */
    interface Operation {
        void run(Caller caller) throws Exception;
    }

    /** Picks a client's operations; one instance per client, so it may keep per-client state. */
    interface Mix {
        Operation next();
    }

    /** What an operation calls the server with. */
    final class Caller {
        private final Map<String, long[]> samples = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        /** Sends the request, timed as name; returns the body, or null when the status was not expected. */
        String call(String name, HttpRequest.Builder request, int expected) {
            HttpRequest r = request.header("X-API-Key", apiKey).timeout(Duration.ofSeconds(30)).build();
            long t0 = System.nanoTime();
            String body = null;
            int status = -1;
            try {
                HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                body = answer.body();
            } catch (Exception e) {
                body = e.toString();
            }
            record(name, System.nanoTime() - t0);
            if (status != expected) {
                errors.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                if (firstErrors.size() < 10) {
                    firstErrors.add(name + ": " + status + " " + (body == null ? "" : body.substring(0,
                            Math.min(300, body.length()))));
                }
                return null;
            }
            return body;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path));
        }

        private void record(String name, long nanos) {
            long[] s = samples.computeIfAbsent(name, k -> new long[1024]);
            int n = counts.getOrDefault(name, 0);
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                samples.put(name, s);
            }
            s[n] = nanos;
            counts.put(name, n + 1);
        }
    }

    /** Per operation: calls, p50/p99 and errors over the run. */
    record OpResult(String name, int calls, long errors, double seconds, double p50Ms, double p99Ms) {
        @Override
        public String toString() {
            return String.format("  %-22s %7d calls %7.1f/s  p50 %7.1f ms  p99 %7.1f ms  errors %d", name, calls,
                    calls / seconds, p50Ms, p99Ms, errors);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    MixedLoad(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    long totalErrors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    List<OpResult> run(List<Mix> clients, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        List<Future<Caller>> futures = new ArrayList<>();
        for (Mix mix : clients) {
            futures.add(pool.submit(() -> {
                Caller caller = new Caller();
                while (System.nanoTime() < end) {
                    try {
                        mix.next().run(caller);
                    } catch (Exception e) {
                        errors.computeIfAbsent("client", k -> new AtomicLong()).incrementAndGet();
                        firstErrors.add("client: " + e);
                    }
                }
                return caller;
            }));
        }
        Map<String, long[]> merged = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Future<Caller> f : futures) {
            Caller c = f.get();
            c.samples.forEach((name, s) -> {
                int n = c.counts.get(name);
                long[] m = merged.getOrDefault(name, new long[0]);
                long[] joined = Arrays.copyOf(m, counts.getOrDefault(name, 0) + n);
                System.arraycopy(s, 0, joined, counts.getOrDefault(name, 0), n);
                merged.put(name, joined);
                counts.merge(name, n, Integer::sum);
            });
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<OpResult> out = new ArrayList<>();
        merged.forEach((name, s) -> {
            Arrays.sort(s);
            AtomicLong e = errors.get(name);
            out.add(new OpResult(name, s.length, e == null ? 0 : e.get(), seconds, percentile(s, 0.5),
                    percentile(s, 0.99)));
        });
        return out;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
