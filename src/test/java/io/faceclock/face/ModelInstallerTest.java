package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelInstallerTest {

    private static final List<ModelFile> MODELS = List.of(ModelFile.YUNET, ModelFile.MOBILEFACENET_128);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();

    @BeforeEach
    void serveTheSharedModelsOnLoopback() throws IOException {
        for (ModelFile m : MODELS) {
            served.put("/good/" + m.fileName(), Files.readAllBytes(Shared.models().resolve(m.fileName())));
        }
        served.put("/bad/" + ModelFile.YUNET.fileName(), served.get("/good/" + ModelFile.YUNET.fileName()));
        byte[] corrupted = served.get("/good/" + ModelFile.MOBILEFACENET_128.fileName()).clone();
        corrupted[100] ^= 0x55;
        served.put("/bad/" + ModelFile.MOBILEFACENET_128.fileName(), corrupted);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    @Test
    void installDownloadsVerifiedModelsTheEngineAccepts() throws IOException {
        List<ModelInstaller.Installed> installed = new ModelInstaller(base("good")).install(dir.resolve("models"), MODELS);

        assertTrue(installed.stream().allMatch(ModelInstaller.Installed::downloaded));
        assertEquals(FaceEngineStatus.ok(), FaceModels.verify(dir.resolve("models"), MODELS));
        assertEquals(List.of(ModelFile.YUNET.fileName(), ModelFile.MOBILEFACENET_128.fileName()), names(dir.resolve("models")));
    }

    @Test
    void aDownloadWithTheWrongSha256IsRefusedAndLeavesNoFile() throws IOException {
        IOException e = assertThrows(IOException.class, () -> new ModelInstaller(base("bad")).install(dir, MODELS));

        assertTrue(e.getMessage().contains("mobilefacenet_128.onnx") && e.getMessage().contains("refused download: sha256 ")
                && e.getMessage().contains("expected " + ModelFile.MOBILEFACENET_128.sha256()), e.getMessage());
        assertFalse(Files.exists(dir.resolve(ModelFile.MOBILEFACENET_128.fileName())));
        assertEquals(List.of(ModelFile.YUNET.fileName()), names(dir), "no partial download left behind");
    }

    @Test
    void filesAlreadyCorrectAreNotDownloadedAgain() throws IOException {
        new ModelInstaller(base("good")).install(dir, MODELS);
        new ModelInstaller(base("good")).install(dir, MODELS);
        assertEquals(1, requests.get("/good/" + ModelFile.YUNET.fileName()));
    }

    @Test
    void theUpstreamAddressesArePinnedToCommits() {
        assertTrue(ModelFile.MOBILEFACENET_128.upstream().get(0).toString()
                .contains("foamliu/MobileFaceNet/a6cc9032a659b615f477833e1a70b5e7931bcccc/"));
        assertTrue(ModelFile.YUNET.upstream().get(0).toString().contains("0047ac24afb1a50a0c6105001c89d1b5b805dbf1"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
