package io.faceclock.bench;

import java.util.Arrays;

/** Requests per second and latency percentiles of one load run. */
public record LoadResult(String name, long requests, long errors, double seconds, double p50Ms, double p99Ms,
                         double serverCpuSeconds, double loadCpuSeconds) {

    static LoadResult of(String name, long[] nanos, int count, long errors, double seconds, double serverCpuSeconds,
                         double loadCpuSeconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new LoadResult(name, count, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                serverCpuSeconds, loadCpuSeconds);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    public double requestsPerSecond() {
        return requests / seconds;
    }

    @Override
    public String toString() {
        // CPU per request tells the server's cost apart from the load generator's on a shared machine.
        return String.format("%-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests, %d errors, %.0f s; "
                        + "CPU per request: server %.0f us, load generator %.0f us)",
                name, requestsPerSecond(), p50Ms, p99Ms, requests, errors, seconds,
                perRequestMicros(serverCpuSeconds), perRequestMicros(loadCpuSeconds));
    }

    private double perRequestMicros(double cpuSeconds) {
        return requests == 0 ? Double.NaN : cpuSeconds * 1e6 / requests;
    }
}
