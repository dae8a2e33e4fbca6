package io.faceclock.cli;

import io.faceclock.bench.CameraBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench-cameras", mixinStandardHelpOptions = true,
        description = "N cameras on 1280x720 25 fps video made from the shared clips, analysed at 5 fps: per camera "
                + "analysed fps, dropped frames, decision latency; process CPU.")
public class BenchCamerasCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = "4", description = "cameras (default: ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--seconds", description = "measured time (default: ${DEFAULT-VALUE})")
    int seconds = 60;

    @Option(names = "--shared", description = "the shared data folder with video/asl (default: $FACECLOCK_SHARED, "
            + "else ../shared)")
    Path shared;

    @Option(names = "--models", description = "models folder (default: $FACECLOCK_MODELS_DIR, else <shared>/models)")
    Path models;

    @Option(names = "--upscale", description = "scale the 640x480 clips up to fill the frame's height (faces of about "
            + "96 px with the detail of 64 px ones) instead of placing them at their own scale")
    boolean upscale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = shared != null ? shared : Path.of(System.getenv().getOrDefault("FACECLOCK_SHARED", "../shared"));
        if (!Files.isDirectory(root.resolve("video/asl"))) {
            out.println("no shared clips in " + root.toAbsolutePath() + "/video/asl: pass --shared DIR");
            return 2;
        }
        Path m = models != null ? models : System.getenv("FACECLOCK_MODELS_DIR") != null
                ? Path.of(System.getenv("FACECLOCK_MODELS_DIR")) : root.resolve("models");
        Path dir = Files.createTempDirectory("faceclock-bench-cameras");
        out.printf("faceclock bench cameras: %d cameras, %d s, shared %s%n", cameras, seconds, root.toAbsolutePath());
        out.flush();
        new CameraBenchmark(root, m, cameras, Duration.ofSeconds(seconds), upscale, out).run(dir);
        return 0;
    }
}
