package io.faceclock.face;

/** A photo the engine cannot use; {@link #kind()} tells the caller why, the message says it to a person. */
public final class FaceException extends RuntimeException {

    public enum Kind {
        BAD_IMAGE, IMAGE_TOO_LARGE, NO_FACE, MULTIPLE_FACES, FACE_TOO_SMALL, TOO_BLURRY, NOT_FRONTAL, LOW_SCORE
    }

    private final Kind kind;

    public FaceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
