package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.FaceEngineStatus;
import io.faceclock.face.FaceModels;
import io.faceclock.face.ModelMirror;
import io.faceclock.face.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {

    @Test
    void verifyAcceptsTheSharedModels() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ModelsCommand());
        cli.setOut(new PrintWriter(out));

        assertEquals(0, cli.execute("verify", "--dir", Shared.models().toString()));
        assertTrue(out.toString().contains("mobilefacenet_128@b7120c09"), out.toString());
    }

    @Test
    void verifyFailsOnAnEmptyFolderSayingWhatIsMissing(@TempDir Path empty) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ModelsCommand());
        cli.setErr(new PrintWriter(err));

        assertEquals(1, cli.execute("verify", "--dir", empty.toString()));
        assertTrue(err.toString().contains("face_detection_yunet_2023mar.onnx missing"), err.toString());
    }

    @Test
    void installFromAMirrorThenVerifySucceeds(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        try (ModelMirror mirror = new ModelMirror()) {
            CommandLine cli = new CommandLine(new ModelsCommand());
            cli.setOut(new PrintWriter(out));

            assertEquals(0, cli.execute("install", "--dir", dir.toString(), "--base-url", mirror.base("good").toString()));
        }
        assertTrue(out.toString().contains("installed " + dir.resolve("mobilefacenet_128.onnx")), out.toString());
        assertEquals(FaceEngineStatus.ok(), FaceModels.verify(dir, ModelMirror.MODELS));
        assertEquals(0, new CommandLine(new ModelsCommand()).execute("verify", "--dir", dir.toString()));
    }

    @Test
    void installRefusesACorruptedDownload(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        try (ModelMirror mirror = new ModelMirror()) {
            CommandLine cli = new CommandLine(new ModelsCommand());
            cli.setErr(new PrintWriter(err));

            assertEquals(1, cli.execute("install", "--dir", dir.toString(), "--base-url", mirror.base("bad").toString()));
        }
        assertTrue(err.toString().contains("refused download"), err.toString());
    }
}
