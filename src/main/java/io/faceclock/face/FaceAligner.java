package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Warps a face so its five landmarks land on the embedder's template: the least-squares similarity
 * transform (rotation, uniform scale, translation; Umeyama without reflection) from the detected
 * landmarks to the template.
 */
public final class FaceAligner {

    private final List<Point> template;
    private final int size;

    public FaceAligner(EmbedderSpec spec) {
        double k = spec.inputSize() / 112.0;
        this.template = spec.template().stream().map(p -> new Point(p.x() * k, p.y() * k)).toList();
        this.size = spec.inputSize();
    }

    /** @return the aligned crop, {@code size x size} BGR; the caller closes it */
    public Mat align(Mat bgr, List<Point> landmarks) {
        double[] m = similarity(landmarks, template);
        Mat aligned = new Mat();
        try (Mat transform = new Mat(2, 3, CV_64F); DoubleIndexer idx = transform.createIndexer();
             Scalar black = new Scalar(0.0); Size dsize = new Size(size, size)) {
            for (int i = 0; i < 6; i++) {
                idx.put(i / 3, i % 3, m[i]);
            }
            warpAffine(bgr, aligned, transform, dsize, INTER_LINEAR, BORDER_CONSTANT, black);
        } catch (RuntimeException e) {
            aligned.close();
            throw e;
        }
        return aligned;
    }

    /**
     * Least-squares similarity from {@code src} to {@code dst} as a row-major 2x3 matrix
     * [a -b tx; b a ty]. In complex numbers: z' = (a + ib) z + t with
     * (a + ib) = sum(conj(s_i) d_i) / sum(|s_i|^2) over centred points.
     */
    static double[] similarity(List<Point> src, List<Point> dst) {
        int n = src.size();
        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (int i = 0; i < n; i++) {
            sx += src.get(i).x();
            sy += src.get(i).y();
            dx += dst.get(i).x();
            dy += dst.get(i).y();
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double px = src.get(i).x() - sx, py = src.get(i).y() - sy;
            double qx = dst.get(i).x() - dx, qy = dst.get(i).y() - dy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("landmarks coincide");
        }
        double a = dot / norm, b = cross / norm;
        return new double[] {a, -b, dx - (a * sx - b * sy), b, a, dy - (b * sx + a * sy)};
    }
}
