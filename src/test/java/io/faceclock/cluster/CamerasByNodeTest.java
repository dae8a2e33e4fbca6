package io.faceclock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One routes folder on two nodes: each camera runs on the node it names, a camera naming none on both. */
class CamerasByNodeTest {

    @Test
    void a_camera_runs_only_on_the_node_its_configuration_names() throws Exception {
        String clip = Shared.root().resolve("video/asl/person_a_again.mkv").toString();
        Path routes = Files.createTempDirectory("faceclock-cameras-by-node");
        Files.writeString(routes.resolve("cameras.yaml"), camera("front", clip, "door-1")
                + camera("back", clip, "door-2") + camera("lobby", clip, null));
        try (RunningService one = node("door-1", routes); RunningService two = node("door-2", routes)) {
            assertEquals(Set.of("front", "lobby"), cameras(one));
            assertEquals(Set.of("back", "lobby"), cameras(two));
        }
    }

    private static RunningService node(String id, Path routes) throws Exception {
        return RunningService.start(Files.createTempDirectory("faceclock-" + id), null, "UTC",
                Map.of(Node.SETTING, id, "faceclock.routes.dir", routes.toString()));
    }

    private static Set<String> cameras(RunningService node) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode c : node.get("/api/v1/cameras").data()) {
            ids.add(c.get("id").asText());
        }
        return ids;
    }

    private static String camera(String id, String url, String node) {
        return "- templatedRoute:\n    routeTemplateRef: camera\n    routeId: camera-" + id + "\n    parameters:\n"
                + "      - { name: id, value: " + id + " }\n      - { name: url, value: \"" + url + "\" }\n"
                + "      - { name: loop, value: \"true\" }\n"
                + (node == null ? "" : "      - { name: node, value: " + node + " }\n");
    }
}
