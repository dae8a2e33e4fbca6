package io.faceclock.cli;

import io.faceclock.bench.ApiBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks that print numbers", subcommands = {BenchCommand.Api.class})
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "api", description = "Seed people and attendance, then load GET /attendance/today and "
            + "GET /persons?q= with concurrent connections; prints req/s, p50/p99 and start-to-healthy time")
    static final class Api implements Callable<Integer> {
        @Option(names = "--people", defaultValue = "1000")
        int people;
        @Option(names = "--attendances", defaultValue = "100000")
        int attendances;
        @Option(names = "--connections", defaultValue = "32")
        int connections;
        @Option(names = "--warmup-seconds", defaultValue = "5")
        int warmup;
        @Option(names = "--seconds", defaultValue = "15")
        int seconds;
        @Option(names = "--db-url", description = "Benchmark this database instead of a fresh embedded H2")
        String dbUrl;
        @Option(names = "--server-java-option", description = "A JVM option for the faceclock process under test "
                + "(repeatable), e.g. -XX:StartFlightRecording=filename=server.jfr")
        List<String> serverJavaOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Path dir = Files.createTempDirectory("faceclock-bench");
            System.out.printf("faceclock bench api: %d people, %d attendances, %d connections, %d s per endpoint, "
                    + "%d cores%n", people, attendances, connections, seconds, Runtime.getRuntime().availableProcessors());
            new ApiBenchmark(people, attendances, connections, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
                    serverJavaOptions)
                    .run(dir, dbUrl).forEach(System.out::println);
            // Kept when the run fails: the server log in it says why.
            deleteTree(dir);
            return 0;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
