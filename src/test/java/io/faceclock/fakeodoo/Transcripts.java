package io.faceclock.fakeodoo;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Read access to the recorded Odoo transcripts in the shared folder, which tests find through the
 * system property {@code faceclock.shared} (Maven's surefire sets it; default ../shared).
 */
public final class Transcripts {

    public static final String PROPERTY = "faceclock.shared";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private Transcripts(Path dir) {
        this.dir = dir;
    }

    /** e.g. of("xmlrpc-18.0"); fails the test with a clear message when the shared folder is missing. */
    public static Transcripts of(String folder) {
        String root = System.getProperty(PROPERTY);
        if (root == null || root.isBlank()) {
            fail("System property " + PROPERTY + " is not set: it must point at the shared data folder "
                    + "(run through Maven, or pass -D" + PROPERTY + "=/path/to/shared)");
        }
        Path dir = Path.of(root, "odoo", folder);
        if (!Files.isDirectory(dir)) {
            fail("System property " + PROPERTY + "=" + root + " does not contain odoo/" + folder
                    + ": point it at the shared data folder");
        }
        return new Transcripts(dir);
    }

    /** The cases in recorded order (cases.json). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> cases() {
        try {
            return JSON.readValue(dir.resolve("cases.json").toFile(), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> find(String prefix) {
        return cases().stream().filter(c -> ((String) c.get("file")).startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + prefix + " in " + dir));
    }

    public byte[] request(String file) {
        return bytes(file, ".request.");
    }

    public byte[] response(String file) {
        return bytes(file, ".response.");
    }

    /** "POST /xmlrpc/2/common": the recorded request line's method and path. */
    public String[] requestLine(String file) {
        for (String line : httpLines(file)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] w = line.split(" ");
                return new String[] {w[0], w[1]};
            }
        }
        throw new AssertionError("no request line in " + file);
    }

    /** The server's Date header for this case: when Odoo handled it. */
    public Instant responseDate(String file) {
        for (String line : httpLines(file)) {
            if (line.startsWith("Date: ")) {
                return ZonedDateTime.parse(line.substring(6), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            }
        }
        throw new AssertionError("no Date header in " + file);
    }

    public String responseHeader(String file, String name) {
        boolean inResponse = false;
        for (String line : httpLines(file)) {
            inResponse |= line.startsWith("HTTP/");
            if (inResponse && line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private List<String> httpLines(String file) {
        try {
            return Files.readAllLines(dir.resolve(file + ".http.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(String file, String infix) {
        try (Stream<Path> s = Files.list(dir)) {
            Path p = s.filter(f -> f.getFileName().toString().startsWith(file + infix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + file + infix + "* in " + dir));
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
