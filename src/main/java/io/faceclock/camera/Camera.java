package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What is known of one running camera: its stream's state, counters and last error. Written by the
 * camera's own threads, read by the API, health and metrics.
 */
public final class Camera {

    /** A copy of the counters at one moment. */
    public record Status(String id, String url, PunchDirection direction, CameraState state, Instant stateSince,
                         long analyzed, long dropped, double analyzedFps, String lastError, Instant lastErrorAt,
                         Instant lastFrameAt) {
    }

    private final String id;
    private final String url;
    private final PunchDirection direction;
    private final Clock clock;
    private final AtomicLong analyzed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Deque<Long> recent = new ArrayDeque<>();
    private volatile CameraState state = CameraState.CONNECTING;
    private volatile Instant stateSince;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastFrameAt;

    Camera(String id, String url, PunchDirection direction, Clock clock) {
        this.id = id;
        this.url = masked(url);
        this.direction = direction;
        this.clock = clock;
        this.stateSince = clock.instant();
    }

    public String id() {
        return id;
    }

    public PunchDirection direction() {
        return direction;
    }

    public CameraState state() {
        return state;
    }

    /** When a frame last arrived, or when the camera started if none ever did. */
    public Instant lastFrameOrStart() {
        Instant f = lastFrameAt;
        return f != null ? f : stateSince;
    }

    void state(CameraState next) {
        if (state != next) {
            state = next;
            stateSince = clock.instant();
        }
    }

    void failed(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
    }

    void frameArrived() {
        lastFrameAt = clock.instant();
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    void analyzed() {
        analyzed.incrementAndGet();
        long now = System.nanoTime();
        synchronized (recent) {
            recent.addLast(now);
            trim(now);
        }
    }

    public long analyzedCount() {
        return analyzed.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    /** Frames analysed per second over the last ten seconds. */
    public double analyzedFps() {
        long now = System.nanoTime();
        synchronized (recent) {
            trim(now);
            if (recent.size() < 2) {
                return 0;
            }
            double span = (now - recent.peekFirst()) / 1e9;
            return span <= 0 ? 0 : recent.size() / Math.max(span, 1.0);
        }
    }

    private void trim(long now) {
        long window = Duration.ofSeconds(10).toNanos();
        while (!recent.isEmpty() && now - recent.peekFirst() > window) {
            recent.removeFirst();
        }
    }

    public Status status() {
        return new Status(id, url, direction, state, stateSince, analyzed.get(), dropped.get(), analyzedFps(),
                lastError, lastErrorAt, lastFrameAt);
    }

    /** user:password before the host, up to its last @ as FFmpeg reads it (any characters, an @ among them). */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");
    /** A query parameter that names a secret: pwd, password, loginpas, token, access_token, auth, key, sig… */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&;](?:[^=&;#]*(?:pas|pwd|token|secret|auth|key|sig|cred)[^=&;#]*)=)[^&;#]*", Pattern.CASE_INSENSITIVE);

    /** The password of a URL, as user:password or a query parameter, never leaves the process. */
    static String masked(String url) {
        String u = USER_INFO.matcher(url).replaceFirst("$1***@");
        return u.contains("?") ? SECRET_PARAM.matcher(u).replaceAll("$1***") : u;
    }
}
