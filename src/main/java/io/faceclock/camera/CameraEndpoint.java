package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.util.regex.Pattern;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One camera: where its video comes from and how often a frame is analysed. */
@UriEndpoint(firstVersion = "faceclock", scheme = "camera", title = "Camera", syntax = "camera:id",
        consumerOnly = true, category = {Category.IOT})
public final class CameraEndpoint extends DefaultEndpoint {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @UriPath(description = "The camera's id: its name in the API, the attendance source and the metrics")
    @Metadata(required = true)
    private final String id;
    @UriParam(description = "rtsp://…, http(s):// MJPEG or HLS, a V4L2 device such as /dev/video0, or a video file")
    @Metadata(required = true)
    private String url;
    @UriParam(defaultValue = "5", description = "Frames analysed per second")
    private double fps = 5;
    @UriParam(defaultValue = "both", enums = "in,out,both", description = "in: only checks in; out: only checks out")
    private String direction = "both";
    @UriParam(defaultValue = "true", description = "Files only: play at the file's own rate like a live stream;"
            + " false reads as fast as analysis allows (tests, benchmarks)")
    private boolean realtime = true;
    @UriParam(defaultValue = "false", description = "Files only: start again at the end")
    private boolean loop;
    @UriParam(defaultValue = "1000", description = "Milliseconds before the first reconnect after a stream breaks")
    private long reconnectDelay = 1000;
    @UriParam(defaultValue = "30000", description = "The reconnect delay doubles up to this many milliseconds")
    private long reconnectMaxDelay = 30000;
    @UriParam(description = "The node (faceclock.node.id) that runs this camera; empty: any node whose routes have it."
            + " On every other node the camera does not start")
    private String node;
    @UriParam(defaultValue = "10000", description = "Milliseconds a network stream may stay silent before it counts"
            + " as broken")
    private long timeout = 10000;

    CameraEndpoint(String uri, CameraComponent component, String id) {
        super(uri, component);
        this.id = id;
    }

    void validate() {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("camera id must be 1 to 64 letters, digits, '_', '.' or '-', got '"
                    + id + "'");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("camera:" + id + " needs a url");
        }
        if (!(fps > 0 && fps <= 60)) {
            throw new IllegalArgumentException("camera:" + id + " fps must be above 0 and at most 60, got " + fps);
        }
        PunchDirection.parse(direction);
        if (reconnectDelay < 10 || reconnectMaxDelay < reconnectDelay || timeout < 100) {
            throw new IllegalArgumentException("camera:" + id + " needs reconnectDelay >= 10 ms, reconnectMaxDelay >= "
                    + "reconnectDelay and timeout >= 100 ms");
        }
    }

    @Override
    public CameraComponent getComponent() {
        return (CameraComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("camera: endpoints only produce frames; use them in from");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        CameraConsumer consumer = new CameraConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Whether the url names a local video file rather than a stream or a device. */
    boolean isFile() {
        return !url.contains("://") && !url.startsWith("/dev/");
    }

    public String getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public double getFps() {
        return fps;
    }

    public void setFps(double fps) {
        this.fps = fps;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public boolean isRealtime() {
        return realtime;
    }

    public void setRealtime(boolean realtime) {
        this.realtime = realtime;
    }

    public boolean isLoop() {
        return loop;
    }

    public void setLoop(boolean loop) {
        this.loop = loop;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    /** Whether this camera runs on the node with that id: it names none, or that one. */
    boolean runsOn(String nodeId) {
        return node == null || node.isBlank() || node.equals(nodeId);
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }
}
