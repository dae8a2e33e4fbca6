package io.faceclock.face;

/** The engine cannot start (models missing or wrong); {@link #status()} is what health should show. */
public final class FaceEngineUnavailableException extends RuntimeException {

    private final FaceEngineStatus status;

    public FaceEngineUnavailableException(FaceEngineStatus status, Throwable cause) {
        super(status.reason(), cause);
        this.status = status;
    }

    public FaceEngineStatus status() {
        return status;
    }
}
