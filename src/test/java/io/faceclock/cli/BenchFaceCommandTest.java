package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFaceCommandTest {

    @Test
    void aShortRunReportsEveryStage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchFaceCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--models", Shared.models().toString(), "--iterations", "3", "--gallery-sizes", "1000",
                "--image", Shared.root().resolve(BenchFaceCommand.DEFAULT_PHOTO).toString());

        assertEquals(0, exit, err.toString());
        for (String stage : new String[] {"decode", "detect", "align\\+embed", "end-to-end", "search 1,000"}) {
            assertTrue(Pattern.compile("(?m)^" + stage + " +median +\\d+\\.\\d+ ms +p90 +\\d+\\.\\d+ ms$")
                    .matcher(out.toString()).find(), stage + " missing in:\n" + out);
        }
        assertTrue(out.toString().contains("memory 100,000 templates:"), out.toString());
        assertTrue(out.toString().startsWith("embedder mobilefacenet_128@b7120c09;"), out.toString());
    }

    @Test
    void aBadFaceSettingIsReportedByNameNotThrown() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchFaceCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--models", Shared.models().toString(), "--set", "faceclock.face.threads=many",
                "--image", Shared.root().resolve(BenchFaceCommand.DEFAULT_PHOTO).toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("faceclock.face.threads"), err.toString());
    }
}
