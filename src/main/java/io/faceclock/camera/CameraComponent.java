package io.faceclock.camera;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultComponent;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The {@code camera:} component: {@code camera:<id>?url=…} turns an RTSP, HTTP (MJPEG, HLS), V4L2
 * or video-file source into a stream of {@link CameraFrame}s at a chosen rate.
 */
@Component("camera")
public final class CameraComponent extends DefaultComponent {

    private Cameras cameras;

    public CameraComponent() {
        // FFmpeg's own stderr chatter bypasses the log; its errors reach the camera's state and log as exceptions
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CameraEndpoint endpoint = new CameraEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** The registry of running cameras: the "cameras" bean when bound, else this component's own. */
    public synchronized Cameras getCameras() {
        if (cameras == null) {
            cameras = CamelContextHelper.findSingleByType(getCamelContext(), Cameras.class);
            if (cameras == null) {
                cameras = new Cameras(Clock.systemUTC());
            }
        }
        return cameras;
    }

    public synchronized void setCameras(Cameras cameras) {
        this.cameras = cameras;
    }
}
