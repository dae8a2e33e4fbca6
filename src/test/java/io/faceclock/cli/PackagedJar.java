package io.faceclock.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** target/faceclock.jar run as a user runs it: a separate JVM, output captured to a file. */
final class PackagedJar {

    static Path jar() {
        Path jar = Path.of(System.getProperty("faceclock.jar", "target/faceclock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `mvn package` (mvn verify)");
        }
        return jar;
    }

    static Process start(Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FACECLOCK_"));
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        return pb.start();
    }

    /** Runs a command to its end and returns what it printed. */
    static Result run(Path workDir, String... args) throws Exception {
        return runWithInput(workDir, null, args);
    }

    /** Runs a command with the given text on its standard input. */
    static Result runWithInput(Path workDir, String input, String... args) throws Exception {
        Path out = Files.createTempFile(workDir, "cmd", ".out");
        Process p = start(out, args);
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("faceclock " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out));
    }

    record Result(int exit, String output) {
    }

    private PackagedJar() {
    }
}
