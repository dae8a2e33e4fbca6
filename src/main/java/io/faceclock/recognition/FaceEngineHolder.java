package io.faceclock.recognition;

import io.faceclock.errors.UnavailableException;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.FaceEngineStatus;
import io.faceclock.face.FaceSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face engine when its models are there. Without them faceclock still serves everything that
 * needs no face; face endpoints answer 503 with the reason, and health shows the engine down.
 */
public final class FaceEngineHolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaceEngineHolder.class);

    private final FaceEngine engine;
    private final String reason;

    private FaceEngineHolder(FaceEngine engine, String reason) {
        this.engine = engine;
        this.reason = reason == null ? null : reason.replaceFirst("^face engine unavailable: ", "");
    }

    public static FaceEngineHolder open(FaceSettings settings) {
        FaceEngineStatus status = FaceEngine.check(settings);
        if (!status.up()) {
            FaceEngineHolder down = new FaceEngineHolder(null, status.reason());
            LOG.warn("Face engine unavailable: {}. Everything that needs no face still works; "
                    + "`faceclock models install` fetches the default models.", down.reason);
            return down;
        }
        try {
            return new FaceEngineHolder(FaceEngine.open(settings), null);
        } catch (RuntimeException e) {
            LOG.warn("Face engine unavailable: {}", e.getMessage());
            return new FaceEngineHolder(null, e.getMessage());
        }
    }

    /** No engine on purpose (`serve --no-face`, faceclock.face.enabled=false): the models are not even loaded. */
    public static FaceEngineHolder off() {
        LOG.info("Face recognition is off (faceclock.face.enabled=false): the models are not loaded");
        return new FaceEngineHolder(null, "face recognition is off on this server (faceclock.face.enabled=false)");
    }

    public boolean available() {
        return engine != null;
    }

    /** The engine, or a 503 naming why there is none. */
    public FaceEngine require() {
        if (engine == null) {
            throw new UnavailableException("The face engine is unavailable: " + reason);
        }
        return engine;
    }

    /** "status" UP or DOWN, with the model's id or the reason it is down. */
    public Map<String, Object> check() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", engine != null ? "UP" : "DOWN");
        if (engine != null) {
            m.put("model", engine.modelId());
        } else {
            m.put("reason", reason);
        }
        return m;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
