package io.faceclock.api;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;
import org.apache.camel.support.PluginHelper;

/** The REST verbs Camel serves, looked up by their path (under the API's context path, /api/v1). */
public final class RestRoutes {

    private static final String CONTEXT = "/api/v1";

    private RestRoutes() {
    }

    /** Whether some verb is served at this API path or below it (e.g. "/cameras"). */
    public static boolean servesUnder(CamelContext camel, String apiPath) {
        return PluginHelper.getRestRegistry(camel).listAllRestServices().stream().map(RestRoutes::apiPath)
                .anyMatch(p -> p.equals(apiPath) || p.startsWith(apiPath + "/"));
    }

    /**
     * The content types the verb of this method and request path (its {parameters} filled in)
     * consumes, when there is such a verb and it declares them.
     */
    public static Optional<String> consumedBy(CamelContext camel, String method, String requestPath) {
        for (RestRegistry.RestService s : PluginHelper.getRestRegistry(camel).listAllRestServices()) {
            if (s.getConsumes() != null && method.equalsIgnoreCase(s.getMethod())
                    && template(path(s)).matcher(requestPath).matches()) {
                return Optional.of(s.getConsumes());
            }
        }
        return Optional.empty();
    }

    /** http://host:port/api/v1/persons/{person_id}: the path part, context path included. */
    private static String path(RestRegistry.RestService s) {
        return s.getUrl().replaceFirst("^[a-z]+://[^/]*", "");
    }

    private static String apiPath(RestRegistry.RestService s) {
        String p = path(s);
        return p.startsWith(CONTEXT) ? p.substring(CONTEXT.length()) : p;
    }

    /** The path as a pattern, each {parameter} one segment. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("\\{[^/}]+}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
