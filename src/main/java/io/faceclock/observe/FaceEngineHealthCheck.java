package io.faceclock.observe;

import io.faceclock.recognition.FaceEngineHolder;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/** The face engine has its models (optional: without them faceclock serves everything but faces). */
public final class FaceEngineHealthCheck extends FaceclockHealthCheck {

    private final FaceEngineHolder engine;

    public FaceEngineHealthCheck(FaceEngineHolder engine) {
        super("face_engine", false);
        this.engine = engine;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        Map<String, Object> state = engine.check();
        if (engine.available()) {
            builder.up().detail("model", state.get("model"));
        } else {
            builder.down().message(String.valueOf(state.get("reason")));
        }
    }
}
