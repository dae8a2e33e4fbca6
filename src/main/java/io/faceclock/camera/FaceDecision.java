package io.faceclock.camera;

/**
 * What the recognition rule says of one face in one frame.
 *
 * @param decision  recognized, unknown, ambiguous or undecided
 * @param personRef the recognised person's key, or -1
 * @param score     the best person's score; second the runner-up's (0 when none)
 * @param reason    why it is not recognised, for people to read (null when it is)
 * @param judged    the rule could judge this face at all: big enough, frontal and clear (a face too far
 *                  away or turned is undecided whoever it is); decision latency counts from such a frame
 */
public record FaceDecision(String decision, long personRef, double score, double second, int sizePx, String reason,
                           boolean judged) {

    public static final String RECOGNIZED = "recognized";
    public static final String UNKNOWN = "unknown";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String UNDECIDED = "undecided";

    public boolean recognized() {
        return RECOGNIZED.equals(decision);
    }

    public double margin() {
        return score - second;
    }
}
