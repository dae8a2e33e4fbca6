package io.faceclock.face;

import static io.faceclock.face.ModelMirror.MODELS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelInstallerTest {

    @TempDir
    Path dir;

    private final ModelMirror mirror = new ModelMirror();

    @AfterEach
    void stop() {
        mirror.close();
    }

    @Test
    void installDownloadsVerifiedModelsTheEngineAccepts() throws IOException {
        List<ModelInstaller.Installed> installed = new ModelInstaller(mirror.base("good")).install(dir.resolve("models"), MODELS);

        assertTrue(installed.stream().allMatch(ModelInstaller.Installed::downloaded));
        assertEquals(FaceEngineStatus.ok(), FaceModels.verify(dir.resolve("models"), MODELS));
        assertEquals(List.of(ModelFile.YUNET.fileName(), ModelFile.MOBILEFACENET_128.fileName()), names(dir.resolve("models")));
    }

    @Test
    void aDownloadWithTheWrongSha256IsRefusedAndLeavesNoFile() {
        IOException e = assertThrows(IOException.class, () -> new ModelInstaller(mirror.base("bad")).install(dir, MODELS));

        assertTrue(e.getMessage().contains("mobilefacenet_128.onnx") && e.getMessage().contains("refused download: sha256 ")
                && e.getMessage().contains("expected " + ModelFile.MOBILEFACENET_128.sha256()), e.getMessage());
        assertFalse(Files.exists(dir.resolve(ModelFile.MOBILEFACENET_128.fileName())));
        assertEquals(List.of(ModelFile.YUNET.fileName()), names(dir), "no partial download left behind");
    }

    @Test
    void filesAlreadyCorrectAreNotDownloadedAgain() throws IOException {
        new ModelInstaller(mirror.base("good")).install(dir, MODELS);
        new ModelInstaller(mirror.base("good")).install(dir, MODELS);
        assertEquals(1, mirror.requests("/good/" + ModelFile.YUNET.fileName()));
    }

    @Test
    void theUpstreamAddressesArePinnedToCommits() {
        assertTrue(ModelFile.MOBILEFACENET_128.upstream().get(0).toString()
                .contains("foamliu/MobileFaceNet/a6cc9032a659b615f477833e1a70b5e7931bcccc/"));
        assertTrue(ModelFile.YUNET.upstream().get(0).toString().contains("0047ac24afb1a50a0c6105001c89d1b5b805dbf1"));
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
