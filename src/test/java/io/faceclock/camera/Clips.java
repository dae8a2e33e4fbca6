package io.faceclock.camera;

import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.faceclock.face.Jpeg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Video made by the tests from the shared clips and photos, with javacv's FFmpegFrameRecorder. */
final class Clips {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private Clips() {
    }

    /** Every frame of a clip, as BGR images. */
    static List<Mat> frames(Path clip) throws Exception {
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toString());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                frames.add(conv.convert(f).clone());
            }
        }
        return frames;
    }

    static List<byte[]> jpegs(Path clip) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (Mat m : frames(clip)) {
            out.add(Jpeg.encode(m, 90));
            m.close();
        }
        return out;
    }

    /** A photo letterboxed into a grey 640x480 frame. */
    static Mat photoFrame(Path photo) {
        try (Mat img = opencv_imgcodecs.imread(photo.toString())) {
            double k = Math.min((double) WIDTH / img.cols(), (double) HEIGHT / img.rows());
            int w = (int) (img.cols() * k), h = (int) (img.rows() * k);
            Mat frame = empty();
            try (Mat small = new Mat(); Size size = new Size(w, h);
                 Rect at = new Rect((WIDTH - w) / 2, (HEIGHT - h) / 2, w, h); Mat target = new Mat(frame, at)) {
                resize(img, small, size);
                small.copyTo(target);
            }
            return frame;
        }
    }

    static Mat empty() {
        return new Mat(HEIGHT, WIDTH, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(110, 110, 110, 0));
    }

    /** Writes frames at the given rate as MPEG-4 in an AVI file (an encoder every FFmpeg build has). */
    static void write(Path out, List<Mat> frames, double fps) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), WIDTH, HEIGHT, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            r.setFormat("avi");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(fps);
            r.setVideoQuality(2);
            r.start();
            for (Mat m : frames) {
                r.record(conv.convert(m));
            }
            r.stop();
        }
    }
}
