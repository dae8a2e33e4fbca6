package io.faceclock.bench;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.PullResult;
import io.faceclock.odoo.sync.PushResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Pulls N employees from the fake Odoo and pushes N attendances to it; prints wall time, RPC calls
 * per 1,000 records, and the peak live heap growth during a full pull (sampled after forced
 * collections) for N and 5N employees, to show the pull's memory does not grow with the company.
 * The fake runs in its own JVM, so memory is faceclock's alone; wall times include the fake's work.
 * Run with ./bench odoo [N].
 */
public final class OdooSyncBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.printf("faceclock bench odoo: fake Odoo 18 in its own JVM on loopback, %d cores%n",
                Runtime.getRuntime().availableProcessors());
        run(n, true);
        run(n * 5, false);
    }

    private static void run(int employees, boolean push) throws Exception {
        Path data = Files.createTempDirectory("faceclock-bench-odoo");
        Process fake = new ProcessBuilder(javaBin(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                FakeOdooProcess.class.getName(), String.valueOf(employees)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader fakeOut = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter fakeIn = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
        String[] urlDb = fakeOut.readLine().split(" ");
        // H2's page cache is capped (2 MB) so that what the pull holds shows, not how much of a bigger
        // person table the database chose to cache
        try (FaceclockConfiguration services = FaceclockConfiguration.of(Settings.of(Map.of(Settings.DATA_DIR, data.toString(),
                Settings.DB_URL, "jdbc:h2:file:" + data.resolve("faceclock") + ";CACHE_SIZE=2048")))) {
            services.odooSync().configs().save(new OdooConfig(urlDb[0], urlDb[1], "admin", "admin", "saved"), "bench");
            ask(fakeIn, fakeOut, "reset");
            long[] peak = new long[1];
            long t0 = System.nanoTime();
            PullResult pulled = measuringHeap(peak, () -> services.odooSync().pull(null, null, true));
            double pullSeconds = (System.nanoTime() - t0) / 1e9;
            int pullCalls = Integer.parseInt(ask(fakeIn, fakeOut, "calls"));
            System.out.printf("pull %,d employees: %.1f s, %d RPC calls (%.2f per 1,000), peak live heap growth "
                            + "%.1f MB (%s)%n", pulled.total(), pullSeconds, pullCalls,
                    pullCalls * 1000.0 / pulled.total(), peak[0] / 1e6, pulled.message());
            if (!push) {
                return;
            }
            int rows = seedAttendances(services, employees);
            ask(fakeIn, fakeOut, "reset");
            Instant from = Instant.parse("2020-01-01T00:00:00Z");
            Instant to = Instant.parse("2030-01-01T00:00:00Z");
            long t1 = System.nanoTime();
            PushResult pushed = services.odooSync().push(null, from, to, true);
            double pushSeconds = (System.nanoTime() - t1) / 1e9;
            int pushCalls = Integer.parseInt(ask(fakeIn, fakeOut, "calls"));
            System.out.printf("push %,d attendances: %.1f s, %d RPC calls (%.2f per 1,000) (%s)%n", rows, pushSeconds,
                    pushCalls, pushCalls * 1000.0 / rows, pushed.message());
            ask(fakeIn, fakeOut, "reset");
            long t2 = System.nanoTime();
            PushResult again = services.odooSync().push(null, from, to, true);
            System.out.printf("push the same range again: %.1f s, %s RPC calls (%s)%n", (System.nanoTime() - t2) / 1e9,
                    ask(fakeIn, fakeOut, "calls"), again.message());
        } finally {
            fakeIn.println("quit");
            fake.waitFor();
        }
    }

    private static String ask(PrintWriter in, BufferedReader out, String command) throws Exception {
        in.println(command);
        return out.readLine();
    }

    /** One attendance per linked person, on days spread over the year so none overlap. */
    private static int seedAttendances(FaceclockConfiguration services, int count) throws Exception {
        Instant base = Instant.parse("2025-01-01T07:00:00Z");
        List<Long> people = services.jdbc().query("SELECT id FROM person WHERE odoo_employee_id IS NOT NULL "
                + "ORDER BY id", rs -> rs.getLong(1));
        try (Connection c = services.database().connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO attendance (person_ref, check_in, check_out, "
                     + "source, closed_automatically, created_at, updated_at) VALUES (?,?,?,'bench',FALSE,?,?)")) {
            for (int i = 0; i < count; i++) {
                Instant in = base.plus(i % 300, ChronoUnit.DAYS);
                ps.setLong(1, people.get(i % people.size()));
                ps.setObject(2, in.atOffset(ZoneOffset.UTC));
                ps.setObject(3, in.plus(8, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
                ps.setObject(4, in.atOffset(ZoneOffset.UTC));
                ps.setObject(5, in.atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return count;
    }

    private static <T> T measuringHeap(long[] peak, Supplier<T> work) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong max = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                // live data only: garbage waiting for a collection says nothing about what the pull keeps
                System.gc();
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            return work.get();
        } finally {
            sampler.interrupt();
            sampler.join();
            peak[0] = max.get() - before;
            System.gc();
            System.out.printf("  (retained after the pull: %.1f MB)%n",
                    (memory.getHeapMemoryUsage().getUsed() - before) / 1e6);
            if (Boolean.getBoolean("bench.histogram")) {
                try {
                    new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                            .inheritIO().start().waitFor();
                } catch (java.io.IOException e) {
                    System.out.println("no jcmd: " + e.getMessage());
                }
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
