package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /api/v1/openapi.json: the REST verbs of routes/api-*.yaml as a client generator reads them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z0-9][A-Z]");

    private RunningService service;
    private JsonNode doc;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-openapi"), null, "Europe/Brussels", Map.of());
        Reply r = service.send("GET", "/api/v1/openapi.json", null, null);
        assertEquals(200, r.status(), r.toString());
        doc = r.json();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void theDocumentIsServedWithoutAKeyAndNeverEchoesOne() {
        Reply r = service.send("GET", "/api/v1/openapi.json", null, service.adminKey());
        assertEquals(200, r.status());
        assertFalse(r.headers().toString().contains(service.adminKey()), r.headers().toString());
        assertEquals("/api/v1", doc.at("/servers/0/url").asText(), "servers is the API's own path, not a bind address");
        assertEquals("header", doc.at("/components/securitySchemes/api_key/in").asText());
        assertEquals("X-API-Key", doc.at("/components/securitySchemes/api_key/name").asText());
    }

    @Test
    void everyRestVerbAppearsWithItsParametersItsResponseSchemaAndTheScopesThatMayCallIt() {
        Model model = service.app().camel().getCamelContextExtension().getContextPlugin(Model.class);
        List<String> wrong = new ArrayList<>();
        int verbs = 0;
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                verbs++;
                String path = join(rest.getPath(), verb.getPath());
                String where = verb.asVerb().toUpperCase(Locale.ROOT) + " " + path + " (" + verb.getId() + ")";
                JsonNode op = doc.path("paths").path(path).path(verb.asVerb());
                if (op.isMissingNode()) {
                    wrong.add(where + ": missing");
                    continue;
                }
                if (!verb.getId().equals(op.path("operationId").asText())) {
                    wrong.add(where + ": operationId " + op.path("operationId"));
                }
                if (op.path("summary").asText().isBlank()) {
                    wrong.add(where + ": no description");
                }
                checkParameters(verb, path, op, where, wrong);
                checkResponse(verb, op, where, wrong);
                checkConsumes(verb, op, where, wrong);
                if (op.at("/security/0/api_key").size() == 0) {
                    wrong.add(where + ": no key scopes");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(verbs >= 28, "every built-in verb was read: " + verbs);
    }

    @Test
    void everySchemaNamesItsFieldsInSnakeCase() {
        List<String> camel = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> schemas = doc.at("/components/schemas").fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            schema.getValue().path("properties").fieldNames().forEachRemaining(name -> {
                if (CAMEL_CASE.matcher(name).find()) {
                    camel.add(schema.getKey() + "." + name);
                }
            });
        }
        assertEquals(List.of(), camel);
        assertTrue(doc.at("/components/schemas/PersonView/properties/odoo_employee_id").isObject());
        assertEquals("array", doc.at("/components/schemas/TodayPage/properties/data/type").asText());
    }

    /**
     * A verb taking JSON (or an optional JSON body) gets its body read into the record it declares as
     * type, accepting exactly the fields the document shows for it.
     */
    @Test
    void everyJsonBodyIsReadIntoTheRecordItsVerbDeclaresWithTheFieldsTheDocumentShows() throws Exception {
        Model model = service.app().camel().getCamelContextExtension().getContextPlugin(Model.class);
        List<String> wrong = new ArrayList<>();
        int bound = 0;
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (verb.getType() == null
                        || verb.getConsumes() != null && !verb.getConsumes().equals("application/json")) {
                    continue;
                }
                Class<?> type = Class.forName(verb.getType());
                List<String> fields = BodyBinding.fields(type);
                if (fields == null) {
                    wrong.add(verb.getId() + ": " + type.getSimpleName() + " is not read from the body");
                    continue;
                }
                bound++;
                Set<String> documented = fieldNames(doc.at("/components/schemas/" + type.getSimpleName() + "/properties"));
                if (!documented.equals(new java.util.TreeSet<>(fields))) {
                    wrong.add(verb.getId() + ": takes " + fields + ", the document shows " + documented);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(bound >= 11, "every JSON verb was read: " + bound);
    }

    /** A verb that declares the types it consumes documents each as a request body content type. */
    private static void checkConsumes(VerbDefinition verb, JsonNode op, String where, List<String> wrong) {
        if (verb.getConsumes() == null) {
            return;
        }
        for (String type : verb.getConsumes().split(",")) {
            if (op.at("/requestBody/content").path(type.trim()).isMissingNode()) {
                wrong.add(where + ": consumes " + type + " but the document's request body does not list it");
            }
        }
    }

    @Test
    void photoVerbsDocumentEveryWayAPhotoMayBeSent() {
        for (String path : List.of("/recognize", "/verify", "/attendance/mark", "/persons/{person_id}/faces")) {
            JsonNode content = doc.path("paths").path(path).path("post").at("/requestBody/content");
            for (String type : List.of("application/json", "multipart/form-data", "image/jpeg", "image/png")) {
                assertTrue(content.has(type), path + " documents " + type + ": " + content);
            }
        }
        assertEquals(Set.of("application/json"), fieldNames(doc.at("/paths/~1persons/post/requestBody/content")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void checkParameters(VerbDefinition verb, String path, JsonNode op, String where, List<String> wrong) {
        Matcher m = PATH_VARIABLE.matcher(path);
        while (m.find()) {
            if (parameter(op, m.group(1), "path") == null) {
                wrong.add(where + ": path parameter " + m.group(1) + " not declared");
            }
        }
        for (ParamDefinition p : verb.getParams()) {
            if (p.getType().name().equals("body")) {
                continue;
            }
            JsonNode found = parameter(op, p.getName(), p.getType().name());
            if (found == null) {
                wrong.add(where + ": parameter " + p.getName() + " missing");
            } else if (found.path("description").asText().isBlank() || found.at("/schema/type").asText().isBlank()) {
                wrong.add(where + ": parameter " + p.getName() + " without a type or description");
            }
        }
    }

    private void checkResponse(VerbDefinition verb, JsonNode op, String where, List<String> wrong) {
        JsonNode ok = op.path("responses").path("201").isMissingNode() ? op.path("responses").path("200")
                : op.path("responses").path("201");
        if (verb.getProduces() != null && verb.getProduces().startsWith("image/")) {
            if (ok.path("description").asText().isBlank()) {
                wrong.add(where + ": the image answer is not described");
            }
            return;
        }
        JsonNode content = ok.path("content");
        String ref = content.path("application/json").path("schema").path("$ref").asText();
        JsonNode schema = ref.isEmpty() ? null : doc.at(ref.substring(1));
        if (schema == null || schema.path("properties").size() == 0) {
            wrong.add(where + ": no JSON response schema (" + ok + ")");
        } else if (!schema.path("properties").has("success")) {
            wrong.add(where + ": response schema without success");
        }
    }

    private static JsonNode parameter(JsonNode op, String name, String in) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asText().equals(name) && p.path("in").asText().equals(in)) {
                return p;
            }
        }
        return null;
    }

    private static String join(String restPath, String verbPath) {
        String a = restPath == null ? "" : restPath;
        String b = verbPath == null ? "" : verbPath;
        return (a + (b.isEmpty() || b.startsWith("/") ? b : "/" + b)).replaceAll("/+$", "");
    }
}
