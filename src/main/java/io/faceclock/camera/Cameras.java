package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Every camera whose route runs on this node, by id; the camera component adds them as their
 * consumers start. A camera whose route names another node is not started, so not listed.
 */
public final class Cameras {

    /** Told when a camera starts and stops (metrics follow it), loses its stream and gets it back. */
    public interface Listener {
        default void started(Camera camera) {
        }

        default void stopped(Camera camera) {
        }

        /** The stream could not be opened or broke; told once per outage, not at every retry. */
        default void lost(Camera camera, String why) {
        }

        default void recovered(Camera camera) {
        }
    }

    private final Map<String, Camera> cameras = new ConcurrentSkipListMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final String node;

    public Cameras(Clock clock) {
        this(clock, null);
    }

    /** @param node this process's node id (faceclock.node.id): a camera naming another node is not run here */
    public Cameras(Clock clock, String node) {
        this.clock = clock;
        this.node = node;
    }

    /** This process's node id; null when not told (then only cameras naming no node run). */
    public String node() {
        return node;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    Camera start(String id, String url, PunchDirection direction) {
        Camera c = new Camera(id, url, direction, clock);
        Camera before = cameras.putIfAbsent(id, c);
        if (before != null) {
            throw new IllegalStateException("Two cameras have the id '" + id + "': give each templatedRoute its own id");
        }
        listeners.forEach(l -> l.started(c));
        return c;
    }

    void stop(Camera c) {
        if (cameras.remove(c.id(), c)) {
            listeners.forEach(l -> l.stopped(c));
        }
    }

    void lost(Camera c, String why) {
        listeners.forEach(l -> l.lost(c, why));
    }

    void recovered(Camera c) {
        listeners.forEach(l -> l.recovered(c));
    }

    public Collection<Camera> all() {
        return cameras.values();
    }

    public Optional<Camera> find(String id) {
        return Optional.ofNullable(cameras.get(id));
    }

    public Clock clock() {
        return clock;
    }
}
