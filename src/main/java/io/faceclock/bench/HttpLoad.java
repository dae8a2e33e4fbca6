package io.faceclock.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A closed loop: N connections, each sending its next request as soon as the last one is answered. */
final class HttpLoad {

    private record Samples(long[] nanos, int count) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiKey;
    private final ProcessHandle server;

    HttpLoad(String apiKey, ProcessHandle server) {
        this.apiKey = apiKey;
        this.server = server;
    }

    LoadResult run(String name, Supplier<String> urls, int connections, Duration warmup, Duration measure)
            throws Exception {
        drive(name, urls, connections, warmup);
        return drive(name, urls, connections, measure);
    }

    private LoadResult drive(String name, Supplier<String> urls, int connections, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicLong errors = new AtomicLong();
        long serverCpu0 = serverCpuNanos();
        long selfCpu0 = selfCpuNanos();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<Samples>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> loop(urls, end, errors)));
        }
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpu = (serverCpuNanos() - serverCpu0) / 1e9;
        double selfCpu = (selfCpuNanos() - selfCpu0) / 1e9;
        int total = all.stream().mapToInt(Samples::count).sum();
        long[] merged = new long[total];
        int at = 0;
        for (Samples s : all) {
            System.arraycopy(s.nanos(), 0, merged, at, s.count());
            at += s.count();
        }
        return LoadResult.of(name, merged, total, errors.get(), seconds, serverCpu, selfCpu);
    }

    private long serverCpuNanos() {
        return server.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long selfCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private Samples loop(Supplier<String> urls, long end, AtomicLong errors) {
        long[] nanos = new long[1 << 14];
        int n = 0;
        while (System.nanoTime() < end) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(urls.get())).header("X-API-Key", apiKey)
                    .timeout(Duration.ofSeconds(10)).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = System.nanoTime() - t0;
        }
        return new Samples(nanos, n);
    }
}
