package io.faceclock.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An MJPEG camera on loopback, as IP cameras serve it (multipart/x-mixed-replace), looping over the
 * given JPEG frames at a fixed rate. Stopping it cuts every connection mid-stream, as a camera
 * rebooting does; starting it again serves the same port.
 */
final class MjpegServer implements AutoCloseable {

    private final List<byte[]> frames;
    private final int fps;
    private final int port;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    MjpegServer(List<byte[]> frames, int fps, int port) {
        this.frames = frames;
        this.fps = fps;
        this.port = port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/stream.mjpg";
    }

    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread accept = new Thread(() -> accept(s), "mjpeg-accept");
        accept.setDaemon(true);
        accept.start();
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket c : clients) {
            c.close();
        }
        clients.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                clients.add(c);
                Thread t = new Thread(() -> serve(c), "mjpeg-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c; OutputStream out = c.getOutputStream()) {
            byte[] request = new byte[4096];
            c.getInputStream().read(request);
            out.write(("HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=frame\r\n"
                    + "Cache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; !c.isClosed(); i = (i + 1) % frames.size()) {
                byte[] jpeg = frames.get(i);
                out.write(("--frame\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1000 / fps);
            }
        } catch (IOException | InterruptedException e) {
            // the camera went away (stop) or the client did: either ends this stream
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
