package io.faceclock.face;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** The faces in a video file's frames, as a camera would see them (for evaluation, not for live streams). */
public final class VideoFaces {

    /** The faces of one frame, largest first. */
    public record FrameFaces(int frame, int width, int height, List<AnalyzedFace> faces) {
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // FFmpeg's notices about every frame are noise here
    }

    private VideoFaces() {
    }

    /** Every {@code step}-th frame of the clip (the first included), analysed by the engine. */
    public static List<FrameFaces> read(FaceEngine engine, Path clip, int step) {
        List<FrameFaces> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            for (int n = 0; (frame = grabber.grabImage()) != null; n++) {
                if (n % step == 0) {
                    Mat bgr = converter.convert(frame);
                    frames.add(new FrameFaces(n, bgr.cols(), bgr.rows(), engine.analyze(bgr)));
                }
            }
            grabber.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalArgumentException("cannot read the video " + clip + ": " + e.getMessage(), e);
        }
        return frames;
    }

    public static boolean isVideo(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".mkv") || name.endsWith(".mp4") || name.endsWith(".avi") || name.endsWith(".mov")
                || name.endsWith(".webm");
    }
}
