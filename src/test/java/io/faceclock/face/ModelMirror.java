package io.faceclock.face;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server with the shared model files under /good/ and, under /bad/, the same files
 * except for a corrupted MobileFaceNet.
 */
public final class ModelMirror implements AutoCloseable {

    public static final List<ModelFile> MODELS = List.of(ModelFile.YUNET, ModelFile.MOBILEFACENET_128);

    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final HttpServer server;

    public ModelMirror() {
        try {
            for (ModelFile m : MODELS) {
                byte[] bytes = Files.readAllBytes(Shared.models().resolve(m.fileName()));
                served.put("/good/" + m.fileName(), bytes);
                served.put("/bad/" + m.fileName(), bytes);
            }
            byte[] corrupted = served.get("/good/" + ModelFile.MOBILEFACENET_128.fileName()).clone();
            corrupted[100] ^= 0x55;
            served.put("/bad/" + ModelFile.MOBILEFACENET_128.fileName(), corrupted);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** @param folder "good" or "bad" */
    public URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    public int requests(String path) {
        return requests.getOrDefault(path, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
