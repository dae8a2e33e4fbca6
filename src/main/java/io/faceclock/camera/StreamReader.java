package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's grabbing thread: opens the source with FFmpeg, picks frames at the analysis rate and
 * hands them over; reopens a broken stream with back-off for as long as the camera runs.
 */
final class StreamReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);

    private final CameraEndpoint endpoint;
    private final Camera camera;
    private final FrameSlot slot;
    private final Clock clock;
    private final Cameras cameras;
    /** An outage is under way (told to the listeners once). */
    private boolean down;
    private final PunchDirection direction;
    private volatile boolean running = true;
    private long seq;
    private boolean gotFrame;
    /** Where a file's clock stands when it is opened again (loop). */
    private Instant fileBase;

    StreamReader(CameraEndpoint endpoint, Camera camera, FrameSlot slot, Cameras cameras) {
        this.endpoint = endpoint;
        this.camera = camera;
        this.slot = slot;
        this.cameras = cameras;
        this.clock = cameras.clock();
        this.direction = PunchDirection.parse(endpoint.getDirection());
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long delay = endpoint.getReconnectDelay();
        boolean file = endpoint.isFile();
        String id = endpoint.getId();
        while (running) {
            try (FFmpegFrameGrabber grabber = open(); OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
                if (fileBase == null || !file) {
                    fileBase = clock.instant();
                }
                long played = play(grabber, converter, file);
                if (!running) {
                    break;
                }
                if (file && endpoint.isLoop()) {
                    fileBase = fileBase.plusNanos(played * 1000);
                    continue;
                }
                if (file) {
                    stopped();
                    slot.awaitIdle();
                    camera.state(CameraState.ENDED);
                    LOG.info("camera {}: {} ended", id, camera.status().url());
                    return;
                }
                throw new IllegalStateException("the stream ended");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                String why = reason(e);
                camera.failed(why);
                if (file) {
                    camera.state(CameraState.FAILED);
                    LOG.error("camera {}: cannot play {}: {}", id, camera.status().url(), why);
                    cameras.lost(camera, why);
                    stoppedQuietly();
                    return;
                }
                LOG.warn("camera {}: {}; reconnecting in {} ms", id, why, delay);
                camera.state(CameraState.RECONNECTING);
                if (!down) {
                    down = true;
                    cameras.lost(camera, why);
                }
            }
            stoppedQuietly();
            if (gotFrame) {
                delay = endpoint.getReconnectDelay();
                gotFrame = false;
            }
            camera.state(CameraState.RECONNECTING);
            if (!sleep(delay)) {
                return;
            }
            delay = Math.min(delay * 2, endpoint.getReconnectMaxDelay());
        }
    }

    private FFmpegFrameGrabber open() throws Exception {
        String url = endpoint.getUrl();
        if (endpoint.isFile() && !Files.isRegularFile(Path.of(url))) {
            throw new IllegalArgumentException("no such file: " + url);
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        if (url.startsWith("/dev/")) {
            if (!Files.exists(Path.of(url))) {
                throw new IllegalArgumentException("no such device: " + url);
            }
            g.setFormat("video4linux2");
        } else if (url.contains("://")) {
            String micros = String.valueOf(endpoint.getTimeout() * 1000);
            g.setOption("rw_timeout", micros);
            g.setOption("timeout", micros);
            if (url.startsWith("rtsp")) {
                g.setOption("rtsp_transport", "tcp");
            }
        }
        try {
            // start() holds one lock for every grabber in the JVM: a camera that never answers would keep
            // all the others from opening. FFmpeg's own open calls have been thread-safe since 4.0.
            g.startUnsafe();
        } catch (Exception e) {
            g.close();
            throw e;
        }
        return g;
    }

    /**
     * Reads until the stream ends or the camera stops.
     *
     * @return the file time played in microseconds (to continue its clock on loop), or -1 when no frame came
     */
    private long play(FFmpegFrameGrabber g, OpenCVFrameConverter.ToMat converter, boolean file) throws Exception {
        boolean paced = file && endpoint.isRealtime();
        boolean waitForAnalysis = file && !endpoint.isRealtime();
        double rate = g.getFrameRate() > 0 && g.getFrameRate() < 240 ? g.getFrameRate() : 25;
        long frameUs = (long) (1e6 / rate);
        long periodUs = (long) (1e6 / endpoint.getFps());
        long startNanos = System.nanoTime();
        long firstTs = Long.MIN_VALUE;
        long nextUs = 0;
        long lastRel = -1;
        while (running) {
            long predicted = lastRel < 0 ? 0 : lastRel + frameUs;
            boolean wanted = predicted + frameUs / 2 >= nextUs;
            Frame f = g.grabFrame(false, true, wanted, false, false);
            if (f == null) {
                return lastRel < 0 ? -1 : lastRel + frameUs;
            }
            if (f.image == null) {
                continue;
            }
            if (lastRel < 0) {
                camera.state(CameraState.STREAMING);
                gotFrame = true;
                if (down) {
                    down = false;
                    cameras.recovered(camera);
                }
            }
            camera.frameArrived();
            long rel;
            if (file) {
                if (firstTs == Long.MIN_VALUE) {
                    firstTs = f.timestamp;
                }
                rel = Math.max(0, f.timestamp - firstTs);
            } else {
                rel = (System.nanoTime() - startNanos) / 1000;
            }
            lastRel = Math.max(rel, lastRel);
            if (paced) {
                long wait = startNanos + rel * 1000 - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            if (!wanted || rel < nextUs) {
                continue;
            }
            nextUs += periodUs;
            if (nextUs <= rel) {
                nextUs = rel + periodUs;
            }
            Instant at = file ? fileBase.plusNanos(rel * 1000) : clock.instant();
            Mat image = converter.convert(f).clone();
            if (slot.offer(new CameraFrame(endpoint.getId(), direction, seq++, at, System.nanoTime(), image),
                    waitForAnalysis)) {
                camera.dropped();
            }
        }
        return lastRel;
    }

    /** Tells the route nobody is in view any more: the visits seen so far are over. */
    private void stopped() throws InterruptedException {
        slot.offer(CameraFrame.streamStopped(endpoint.getId(), direction, seq++, clock.instant()), true);
    }

    private void stoppedQuietly() {
        try {
            stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean sleep(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (running && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running;
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // javacv says "avformat_open_input() error -111: Could not open input …" plus hints about its own
        // API; FFmpeg's own words for the code are what a person can act on
        java.util.regex.Matcher code = FFMPEG_ERROR.matcher(m);
        if (code.find()) {
            String what = code.group(1).contains("open") ? "cannot open the stream" : "the stream broke";
            return what + ": " + ffmpegMessage(Integer.parseInt(code.group(2)));
        }
        return m.replaceAll("\\s*\\((Has setFormat|For more details|Did you install)[^)]*\\)", "").replace("\n", " ").trim();
    }

    private static final java.util.regex.Pattern FFMPEG_ERROR = java.util.regex.Pattern.compile("(\\w+)\\(\\) error (-?\\d+)");

    private static String ffmpegMessage(int code) {
        try (org.bytedeco.javacpp.BytePointer text = new org.bytedeco.javacpp.BytePointer(256)) {
            if (org.bytedeco.ffmpeg.global.avutil.av_strerror(code, text, 256) == 0) {
                // getString() alone reads up to the buffer's limit, uninitialised bytes after the NUL included
                return text.limit(org.bytedeco.javacpp.BytePointer.strlen(text))
                        .getString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "FFmpeg error " + code;
    }
}
