package io.faceclock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed loop: N keep-alive connections, each sending its next request as soon as the last one
 * is answered. It speaks just enough HTTP/1.1 over a plain socket (GET, Content-Length or chunked
 * answers) because it shares the CPU with the server it measures: java.net.http spent about
 * 260 µs of CPU per request here, this client spends a fraction of that.
 */
final class HttpLoad {

    private record Samples(long[] nanos, int count) {
    }

    private final String host;
    private final int port;
    private final String apiKey;
    private final ProcessHandle server;

    HttpLoad(String host, int port, String apiKey, ProcessHandle server) {
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
        this.server = server;
    }

    /** Paths (with query) are asked of the server in turn; each answer must be 200 to count as a success. */
    LoadResult run(String name, Supplier<String> paths, int connections, Duration warmup, Duration measure)
            throws Exception {
        drive(name, paths, connections, warmup);
        return drive(name, paths, connections, measure);
    }

    private LoadResult drive(String name, Supplier<String> paths, int connections, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicLong errors = new AtomicLong();
        long serverCpu0 = serverCpuNanos();
        long selfCpu0 = selfCpuNanos();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<Samples>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> loop(paths, end, errors)));
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

    private Samples loop(Supplier<String> paths, long end, AtomicLong errors) {
        long[] nanos = new long[1 << 14];
        int n = 0;
        Connection conn = null;
        while (System.nanoTime() < end) {
            byte[] request = ("GET " + paths.get() + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-API-Key: "
                    + apiKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            long t0 = System.nanoTime();
            try {
                if (conn == null) {
                    conn = new Connection(host, port);
                }
                int status = conn.exchange(request);
                if (status != 200) {
                    errors.incrementAndGet();
                }
                if (!conn.keepAlive) {
                    conn.close();
                    conn = null;
                }
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                if (conn != null) {
                    conn.close();
                    conn = null;
                }
            }
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = System.nanoTime() - t0;
        }
        if (conn != null) {
            conn.close();
        }
        return new Samples(nanos, n);
    }

    /** One keep-alive connection; reads each answer whole and throws its body away. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;
        boolean keepAlive = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("Not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            keepAlive = statusLine.startsWith("HTTP/1.1");
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    keepAlive = !value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("An answer without Content-Length or chunks");
            }
            return status;
        }

        private long chunkSize() throws IOException {
            String l = line();
            int semi = l.indexOf(';');
            return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder sb = null;
            while (true) {
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        String part = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 1;
                        String l = sb == null ? part : sb.append(part).toString();
                        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
                    }
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(new String(buf, pos, limit - pos, StandardCharsets.ISO_8859_1));
                fill();
            }
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (pos == limit) {
                    fill();
                }
                int take = (int) Math.min(left, limit - pos);
                pos += take;
                left -= take;
            }
        }

        private void fill() throws IOException {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                throw new IOException("The server closed the connection");
            }
            pos = 0;
            limit = r;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
