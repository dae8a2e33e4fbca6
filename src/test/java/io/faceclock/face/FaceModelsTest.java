package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceModelsTest {

    @TempDir
    Path dir;

    @Test
    void theSharedModelsAreTheExpectedFiles() {
        assertEquals(FaceEngineStatus.ok(), FaceEngine.check(Shared.settings()));
        assertEquals(ModelFile.YUNET.sha256(), FaceModels.sha256(Shared.models().resolve(ModelFile.YUNET.fileName())));
    }

    @Test
    void aModelFileWithTheWrongSha256IsRefusedNamingFileAndHashes() throws IOException {
        Files.copy(Shared.models().resolve(ModelFile.YUNET.fileName()), dir.resolve(ModelFile.YUNET.fileName()));
        byte[] embedder = Files.readAllBytes(Shared.models().resolve(ModelFile.MOBILEFACENET_128.fileName()));
        embedder[embedder.length / 2] ^= 1;
        Path wrong = Files.write(dir.resolve(ModelFile.MOBILEFACENET_128.fileName()), embedder);
        String actual = FaceModels.sha256(wrong);

        FaceEngineUnavailableException e = assertThrows(FaceEngineUnavailableException.class,
                () -> FaceEngine.open(FaceSettings.defaults(dir)));

        assertEquals("face engine unavailable: model file " + wrong + " is not the expected one: sha256 " + actual
                + ", expected " + ModelFile.MOBILEFACENET_128.sha256(), e.getMessage());
        assertFalse(e.status().up());
        assertEquals(e.status(), FaceEngine.check(FaceSettings.defaults(dir)));
    }

    @Test
    void aMissingFolderMakesTheEngineUnavailable() {
        Path missing = dir.resolve("nowhere");
        FaceEngineStatus status = FaceEngine.check(FaceSettings.defaults(missing));
        assertFalse(status.up());
        assertTrue(status.reason().startsWith("face engine unavailable: models folder " + missing.toAbsolutePath()
                + " does not exist"), status.reason());
    }

    @Test
    void aMissingFileMakesTheEngineUnavailable() throws IOException {
        Files.copy(Shared.models().resolve(ModelFile.YUNET.fileName()), dir.resolve(ModelFile.YUNET.fileName()));
        FaceEngineStatus status = FaceEngine.check(FaceSettings.defaults(dir));
        assertFalse(status.up());
        assertTrue(status.reason().startsWith("face engine unavailable: model file mobilefacenet_128.onnx missing in"),
                status.reason());
    }

    @Test
    void theModelIdIsTheFileNameAndTheHashPrefix() {
        assertEquals("mobilefacenet_128@b7120c09", ModelFile.MOBILEFACENET_128.modelId());
        assertEquals("face_detection_yunet_2023mar@8f2383e4", ModelFile.YUNET.modelId());
    }
}
