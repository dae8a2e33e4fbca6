package io.faceclock.camera;

/**
 * Hands frames from a camera's grabber to its analyser, one at a time: a frame not yet taken is
 * replaced by a newer one (latest frame wins), so memory stays flat however slow analysis is.
 */
final class FrameSlot {

    private CameraFrame pending;
    private boolean busy;
    private boolean closed;

    /**
     * @param wait wait until the analyser has taken the previous frame instead of replacing it (files
     *             read as fast as analysis allows; stream markers, which must not be lost)
     * @return whether a frame not yet analysed was replaced (dropped)
     */
    synchronized boolean offer(CameraFrame frame, boolean wait) throws InterruptedException {
        while (wait && pending != null && !closed) {
            wait();
        }
        if (closed) {
            frame.release();
            return false;
        }
        boolean dropped = pending != null;
        if (dropped) {
            pending.release();
        }
        pending = frame;
        notifyAll();
        return dropped;
    }

    /** The next frame, or null once closed. */
    synchronized CameraFrame take() throws InterruptedException {
        while (pending == null && !closed) {
            wait();
        }
        CameraFrame f = pending;
        pending = null;
        busy = f != null;
        notifyAll();
        return f;
    }

    /** The analyser is done with the frame it took. */
    synchronized void done() {
        busy = false;
        notifyAll();
    }

    /** Waits until every frame handed over has been analysed (or the slot is closed). */
    synchronized void awaitIdle() throws InterruptedException {
        while ((pending != null || busy) && !closed) {
            wait();
        }
    }

    synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.release();
            pending = null;
        }
        notifyAll();
    }
}
