package io.faceclock.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceLoader;
import org.apache.camel.support.PluginHelper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's folder of YAML routes, loaded after the built-in ones and before anything starts. Camel
 * refuses two routes with one id, so a built-in route whose id a user route uses is removed first:
 * the user's route replaces it.
 */
final class UserRoutes extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);

    private final Path dir;
    private final Set<String> ids;
    private final List<Path> files;

    private UserRoutes(Path dir, Set<String> ids, List<Path> files) {
        this.dir = dir;
        this.ids = ids;
        this.files = files;
    }

    static UserRoutes scan(Path dir) {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            for (Path f : files) {
                collectIds(f, ids);
            }
            return new UserRoutes(dir, ids, files);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the routes folder " + dir + ": " + e.getMessage());
        }
    }

    Set<String> ids() {
        return ids;
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        ModelCamelContext model = (ModelCamelContext) context;
        List<RouteDefinition> replaced = model.getRouteDefinitions().stream()
                .filter(r -> ids.contains(r.getRouteId()) || replacedVerb(r)).toList();
        for (RouteDefinition builtIn : replaced) {
            try {
                model.removeRouteDefinition(builtIn);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot replace the built-in route " + builtIn.getInput() + ": "
                        + e.getMessage(), e);
            }
            LOG.info("Your route from {} replaces the built-in route {}", dir, builtIn.getInput().getEndpointUri());
        }
        ResourceLoader resources = PluginHelper.getResourceLoader(context);
        try {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    files.stream().map(f -> resources.resolveResource("file:" + f)).toArray(Resource[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load your routes from " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A REST verb's route gets the verb's id only when Camel starts; until then it is known by its
     * rest and by where the verb sends (each built-in verb calls its own bean method).
     */
    private boolean replacedVerb(RouteDefinition route) {
        RestDefinition rest = route.getRestDefinition();
        if (rest == null) {
            return false;
        }
        for (VerbDefinition verb : rest.getVerbs()) {
            if (ids.contains(verb.getId()) && verb.getTo() != null) {
                String target = verb.getTo().getUri();
                boolean sendsThere = route.getOutputs().stream()
                        .anyMatch(o -> o instanceof ToDefinition to && target.equals(to.getUri()));
                if (sendsThere) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collectIds(Path file, Set<String> ids) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            if (!(doc instanceof List<?> entries)) {
                return;
            }
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m) {
                    addId(m.get("route"), ids);
                    addId(m.get("from"), ids);
                    if (m.get("rest") instanceof Map<?, ?> rest) {
                        rest.values().forEach(verbs -> {
                            if (verbs instanceof List<?> list) {
                                list.forEach(v -> addId(v, ids));
                            }
                        });
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The route file " + file + " is not valid YAML: " + e.getMessage());
        }
    }

    private static void addId(Object node, Set<String> ids) {
        if (node instanceof Map<?, ?> m && m.get("id") instanceof String id) {
            ids.add(id);
        }
    }
}
