package io.faceclock.face;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;

/** Opens one onnxruntime session per model file; a session is shared by every thread that runs it. */
final class OnnxSessions {

    private OnnxSessions() {
    }

    static OrtSession open(Path file, int intraOpThreads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // spinning worker threads would steal the few cores from OpenCV and the other model
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return OrtEnvironment.getEnvironment().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load model " + file + ": " + e.getMessage(), e);
        }
    }

    static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close model session: " + e.getMessage(), e);
        }
    }
}
