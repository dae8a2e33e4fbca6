package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Builds test images from the shared photos. Callers close the Mats they get. */
final class Images {

    private Images() {
    }

    static Mat decode(byte[] bytes) {
        return imdecode(new Mat(new BytePointer(bytes)), IMREAD_COLOR);
    }

    static Mat decodeUnchanged(byte[] bytes) {
        return imdecode(new Mat(new BytePointer(bytes)), IMREAD_UNCHANGED);
    }

    static byte[] encode(String ext, Mat image, int... params) {
        try (BytePointer out = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!imencode(ext, image, out, p)) {
                throw new IllegalStateException("cannot encode " + ext);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    static Mat scaled(Mat image, double factor) {
        Mat out = new Mat();
        resize(image, out, new Size((int) Math.round(image.cols() * factor), (int) Math.round(image.rows() * factor)),
                0, 0, INTER_AREA);
        return out;
    }

    /** Places {@code image} with its top-left corner at (x, y) on a grey canvas. */
    static Mat onCanvas(Mat image, int width, int height, int x, int y) {
        Mat canvas = new Mat(height, width, CV_8UC3, new Scalar(128, 128, 128, 0));
        try (Mat roi = new Mat(canvas, new Rect(x, y, image.cols(), image.rows()))) {
            image.copyTo(roi);
        }
        return canvas;
    }

    static Mat crop(Mat image, int x, int y, int width, int height) {
        try (Mat roi = new Mat(image, new Rect(x, y, width, height))) {
            return roi.clone();
        }
    }
}
