package io.faceclock.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A .y4m clip for Chromium's fake camera: a photo centred on a 640x480 grey frame, repeated.
 * Chromium opens the file each time a page starts the camera, so rewriting it between pages
 * changes what the next page sees.
 */
final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private FakeCamera() {
    }

    /** Writes frames of the photo, scaled to faceHeight pixels high, as YUV 4:2:0. */
    static Path clip(Path photo, int scaledHeight, int frames, Path out) throws IOException {
        Mat src = opencv_imgcodecs.imread(photo.toString(), opencv_imgcodecs.IMREAD_COLOR);
        if (src.empty()) {
            throw new IOException("cannot read " + photo);
        }
        int w = (int) Math.round(src.cols() * (double) scaledHeight / src.rows());
        Mat scaled = new Mat();
        opencv_imgproc.resize(src, scaled, new Size(w, scaledHeight), 0, 0, opencv_imgproc.INTER_CUBIC);
        Mat frame = new Mat(HEIGHT, WIDTH, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0));
        scaled.copyTo(frame.apply(new Rect((WIDTH - w) / 2, (HEIGHT - scaledHeight) / 2, w, scaledHeight)));
        return write(frame, frames, out);
    }

    /** An empty grey room: nobody in front of the camera. */
    static Path empty(int frames, Path out) throws IOException {
        return write(new Mat(HEIGHT, WIDTH, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0)), frames, out);
    }

    private static Path write(Mat frame, int frames, Path out) throws IOException {
        Mat yuv = new Mat();
        opencv_imgproc.cvtColor(frame, yuv, opencv_imgproc.COLOR_BGR2YUV_I420);
        byte[] planes = new byte[WIDTH * HEIGHT * 3 / 2];
        new BytePointer(yuv.data()).get(planes);
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < frames; i++) {
                o.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                o.write(planes);
            }
        }
        return out;
    }
}
