package io.faceclock.face;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR 8-bit 3-channel image. Implementations are thread-safe. */
public interface FaceDetector extends AutoCloseable {

    List<Detection> detect(Mat bgr);

    @Override
    void close();
}
