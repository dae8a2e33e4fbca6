package io.faceclock.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.config.FaceclockSettings;
import io.faceclock.config.Settings;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.EmbedderSpec;
import io.faceclock.face.Shared;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A site can name another embedder of the same kind in settings; a wrong file is refused clearly. */
class EmbedderSettingsTest {

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(extra);
        m.put("faceclock.models.dir", Shared.models().toString());
        return Settings.of(m);
    }

    @Test
    void an_embedder_described_in_settings_is_the_one_used() {
        Settings s = settings(Map.of("faceclock.face.embedder.file", "mobilefacenet_128.onnx",
                "faceclock.face.embedder.sha256", EmbedderSpec.MOBILEFACENET_128.model().sha256(),
                "faceclock.face.embedder.color", "bgr",
                "faceclock.face.embedder.template", "38.2946 51.6963 73.5318 51.5014 56.0252 71.7366 "
                        + "41.5493 92.3655 70.7299 92.2041"));
        EmbedderSpec spec = FaceclockSettings.read(s).faces().engine().embedder();
        assertFalse(spec.rgb());
        assertEquals(EmbedderSpec.ARCFACE_112, spec.template());
        try (FaceEngineHolder engine = FaceEngineHolder.open(FaceclockSettings.read(s).faces().engine())) {
            assertTrue(engine.available(), engine.check().toString());
            AnalyzedFace face = engine.require().embedSingle(Shared.photo("bbt/amy/amy1.png"));
            assertEquals(128, face.embedding().length);
        }
    }

    @Test
    void a_file_that_is_not_the_configured_one_leaves_the_engine_down_with_the_reason() {
        Settings s = settings(Map.of("faceclock.face.embedder.file", "mobilefacenet_128.onnx",
                "faceclock.face.embedder.sha256", "0".repeat(64)));
        try (FaceEngineHolder engine = FaceEngineHolder.open(FaceclockSettings.read(s).faces().engine())) {
            assertFalse(engine.available());
            assertTrue(engine.check().get("reason").toString().contains("mobilefacenet_128.onnx"),
                    engine.check().toString());
        }
    }

    @Test
    void bad_embedder_settings_are_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceclockSettings.read(
                settings(Map.of("faceclock.face.embedder.file", "x.onnx", "faceclock.face.embedder.sha256", "abc"))));
        assertTrue(e.getMessage().contains("faceclock.face.embedder.sha256"));
        e = assertThrows(IllegalArgumentException.class, () -> FaceclockSettings.read(settings(Map.of(
                "faceclock.face.embedder.file", "x.onnx", "faceclock.face.embedder.sha256", "a".repeat(64),
                "faceclock.face.embedder.template", "1 2 3"))));
        assertTrue(e.getMessage().contains("template"));
    }
}
