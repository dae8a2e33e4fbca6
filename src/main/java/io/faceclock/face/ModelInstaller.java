package io.faceclock.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads model files into the models folder. A download goes to a temporary file beside the
 * target and is moved into place only when its sha256 is the expected one, so the folder never holds
 * a partial or foreign file under a model's name.
 */
public final class ModelInstaller {

    private static final long MAX_BYTES = 256L << 20;

    private final URI baseUrl;
    private final HttpClient http;

    /** @param baseUrl a mirror serving each file by its file name, or null for the upstream addresses */
    public ModelInstaller(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    public record Installed(ModelFile model, Path path, boolean downloaded, URI source) {
    }

    /** Told how a download advances: bytes so far, and the total when the server announced it (else -1). */
    public interface Progress {
        Progress NONE = (model, done, total) -> { };

        void downloaded(ModelFile model, long done, long total);
    }

    /** Installs each file that is missing or wrong; files already correct are left alone. */
    public List<Installed> install(Path dir, List<ModelFile> models) throws IOException {
        return install(dir, models, Progress.NONE);
    }

    /** The same, telling progress how each download advances. */
    public List<Installed> install(Path dir, List<ModelFile> models, Progress progress) throws IOException {
        Files.createDirectories(dir);
        List<Installed> done = new ArrayList<>();
        for (ModelFile model : models) {
            Path target = dir.resolve(model.fileName());
            if (Files.isRegularFile(target) && FaceModels.sha256(target).equalsIgnoreCase(model.sha256())) {
                done.add(new Installed(model, target, false, null));
                continue;
            }
            done.add(download(model, target, progress));
        }
        return done;
    }

    private Installed download(ModelFile model, Path target, Progress progress) throws IOException {
        List<URI> sources = baseUrl != null ? List.of(resolve(baseUrl, model.fileName())) : model.upstream();
        List<String> failures = new ArrayList<>();
        for (URI source : sources) {
            try {
                fetch(source, model, target, progress);
                return new Installed(model, target, true, source);
            } catch (IOException e) {
                failures.add(source + ": " + e.getMessage());
            }
        }
        throw new IOException("cannot install " + model.fileName() + ": " + String.join("; ", failures));
    }

    private void fetch(URI source, ModelFile model, Path target, Progress progress) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + model.fileName() + ".", ".part");
        try {
            HttpRequest request = HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(5)).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = FaceModels.sha256();
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(temp)) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    progress.downloaded(model, total, announced);
                    if (total > MAX_BYTES) {
                        throw new IOException("larger than " + MAX_BYTES + " bytes");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(model.sha256())) {
                throw new IOException("refused download: sha256 " + actual + ", expected " + model.sha256());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static URI resolve(URI base, String fileName) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s + fileName : s + "/" + fileName);
    }
}
