package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one camera: a grabbing thread ({@link StreamReader}) and an analysing thread that sends the
 * latest frame through the route, one at a time.
 */
public final class CameraConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CameraConsumer.class);

    /** The header naming the camera on each exchange (its error handler says which camera failed). */
    public static final String CAMERA_HEADER = "FaceclockCamera";

    private final CameraEndpoint endpoint;
    private final FrameSlot slot = new FrameSlot();
    private volatile boolean running;
    private ExecutorService threads;
    private StreamReader reader;
    private Camera camera;

    CameraConsumer(CameraEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    public Camera camera() {
        return camera;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Cameras cameras = endpoint.getComponent().getCameras();
        if (!endpoint.runsOn(cameras.node())) {
            LOG.info("Camera {} runs on node {}; this is node {}: not started here", endpoint.getId(),
                    endpoint.getNode(), cameras.node());
            return;
        }
        camera = cameras.start(endpoint.getId(), endpoint.getUrl(), PunchDirection.parse(endpoint.getDirection()));
        running = true;
        reader = new StreamReader(endpoint, camera, slot, cameras);
        threads = endpoint.getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "camera-" + endpoint.getId(), 2);
        threads.submit(reader);
        threads.submit(this::analyse);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (reader != null) {
            reader.stop();
        }
        slot.close();
        if (threads != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(threads);
        }
        if (camera != null) {
            camera.state(CameraState.STOPPED);
            endpoint.getComponent().getCameras().stop(camera);
        }
        super.doStop();
    }

    private void analyse() {
        while (running) {
            CameraFrame frame;
            try {
                frame = slot.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (frame == null) {
                return;
            }
            if (!running) {
                frame.release();
                slot.done();
                return;
            }
            Exchange exchange = createExchange(false);
            try {
                exchange.getMessage().setBody(frame);
                exchange.getMessage().setHeader(CAMERA_HEADER, endpoint.getId());
                getProcessor().process(exchange);
                // a frame in flight while the route stops fails in Camel's stopped executor: not worth a word
                if (exchange.getException() != null && running) {
                    getExceptionHandler().handleException("camera " + endpoint.getId() + ": analysing a frame failed",
                            exchange, exchange.getException());
                }
            } catch (Exception e) {
                if (running) {
                    getExceptionHandler().handleException("camera " + endpoint.getId() + ": analysing a frame failed", e);
                }
            } finally {
                frame.release();
                releaseExchange(exchange, false);
                slot.done();
            }
            if (!frame.stopped()) {
                camera.analyzed();
            }
        }
    }
}
