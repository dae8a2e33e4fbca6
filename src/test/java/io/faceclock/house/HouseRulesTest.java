package io.faceclock.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house that must never break, read from the sources' imports: the domain and the
 * sync know nothing of HTTP, and the face engine is a leaf that knows nothing of the rules above it.
 */
class HouseRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/faceclock");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> HTTP = List.of("io.faceclock.api.", "io.faceclock.app.", "io.faceclock.observe.",
            "io.faceclock.web.", "io.vertx.", "org.apache.camel.component.platform.http.", "org.apache.camel.http.");

    @Test
    void the_domain_and_the_sync_know_nothing_of_http() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String room : List.of("attendance", "people", "recognition", "security", "audit", "errors", "odoo",
                "store", "face", "cluster")) {
            broken.addAll(importsOf(room, HTTP));
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void the_face_engine_is_a_leaf() throws IOException {
        List<String> above = List.of("io.faceclock.attendance.", "io.faceclock.people.", "io.faceclock.recognition.",
                "io.faceclock.security.", "io.faceclock.audit.", "io.faceclock.store.", "io.faceclock.odoo.",
                "io.faceclock.camera.", "io.faceclock.api.", "io.faceclock.app.", "org.apache.camel.");
        assertEquals(List.of(), importsOf("face", above));
    }

    private static List<String> importsOf(String room, List<String> forbidden) throws IOException {
        Path dir = SOURCES.resolve(room);
        assertTrue(Files.isDirectory(dir), "no package " + dir);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String imported = m.group(1);
                    if (forbidden.stream().anyMatch(imported::startsWith)) {
                        found.add(SOURCES.relativize(f) + " imports " + imported);
                    }
                }
            }
        }
        return found;
    }
}
