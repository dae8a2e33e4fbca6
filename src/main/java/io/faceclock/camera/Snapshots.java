package io.faceclock.camera;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.faceclock.face.Box;
import io.faceclock.face.Jpeg;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Each camera's latest analysed frame with its faces' boxes and names, drawn when asked for. */
public final class Snapshots {

    /** A face's box and what to write above it; known says which colour. */
    public record Label(Box box, String text, boolean known) {
    }

    private static final class Latest {
        Mat image;
        Instant at;
        List<Label> labels = List.of();
    }

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    void frame(String cameraId, Mat image, Instant at) {
        Latest l = latest.computeIfAbsent(cameraId, k -> new Latest());
        Mat copy = image.clone();
        synchronized (l) {
            if (l.image != null) {
                l.image.close();
            }
            l.image = copy;
            l.at = at;
            l.labels = List.of();
        }
    }

    void labels(String cameraId, List<Label> labels) {
        Latest l = latest.get(cameraId);
        if (l != null) {
            synchronized (l) {
                l.labels = List.copyOf(labels);
            }
        }
    }

    /** The latest frame as JPEG with boxes (green: recognised, orange: everyone else) and names. */
    public Optional<byte[]> jpeg(String cameraId) {
        Latest l = latest.get(cameraId);
        if (l == null) {
            return Optional.empty();
        }
        synchronized (l) {
            if (l.image == null) {
                return Optional.empty();
            }
            try (Mat canvas = l.image.clone()) {
                for (Label label : l.labels) {
                    draw(canvas, label);
                }
                return Optional.of(Jpeg.encode(canvas, 85));
            }
        }
    }

    private static void draw(Mat canvas, Label label) {
        Box b = label.box();
        try (Scalar colour = label.known() ? new Scalar(60, 200, 60, 0) : new Scalar(0, 150, 255, 0);
             Point p1 = new Point((int) b.x(), (int) b.y());
             Point p2 = new Point((int) (b.x() + b.width()), (int) (b.y() + b.height()));
             Point text = new Point((int) b.x(), Math.max(12, (int) b.y() - 6))) {
            int thick = Math.max(1, canvas.cols() / 640);
            rectangle(canvas, p1, p2, colour, thick + 1, LINE_AA, 0);
            putText(canvas, label.text(), text, FONT_HERSHEY_SIMPLEX, 0.5 * thick, colour, thick, LINE_AA, false);
        }
    }

    void forget(String cameraId) {
        Latest l = latest.remove(cameraId);
        if (l != null) {
            synchronized (l) {
                if (l.image != null) {
                    l.image.close();
                    l.image = null;
                }
            }
        }
    }
}
