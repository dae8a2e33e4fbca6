package io.faceclock.face;

/** Small float-vector helpers shared by the embedder, the gallery and the matcher. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales {@code v} in place to unit length and returns it. */
    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0 || Double.isNaN(sum)) {
            throw new IllegalArgumentException("cannot normalise a zero or NaN vector");
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** Cosine similarity of two unit vectors. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings differ in length: " + a.length + " vs " + b.length);
        }
        return dot(a, b);
    }

    /** Four accumulators keep the CPU's multiply-add units busy. */
    private static float dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
