package io.faceclock.api;

import io.faceclock.security.Scope;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;

/**
 * What each REST verb declares beside it in routes/api-*.yaml, by the id of the route the verb became:
 * the key scopes ({@code security: [{key: api_key, scopes: "admin,read"}]}; a verb that declares none
 * is for admin keys only) and the record its body is read into ({@code type}).
 */
final class VerbScopes {

    /** The security scheme the verbs name: the X-API-Key header. */
    static final String SCHEME = "api_key";

    /**
     * What a verb is, for the guard's refusal: "GET /persons/{person_id}", and who may call it; body is
     * its declared {@code type} (null when none), bodyOptional when it declares no {@code consumes}
     * (a bare POST then means "the defaults", see odoo-sync.yaml).
     */
    record Verb(String method, String path, Set<Scope> scopes, Class<?> body, boolean bodyOptional) {
        String name() {
            return method + " " + path;
        }
    }

    private static final Set<Scope> ADMIN_ONLY = EnumSet.of(Scope.ADMIN);

    private VerbScopes() {
    }

    static Map<String, Verb> read(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        Map<String, Verb> verbs = new HashMap<>();
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition v : rest.getVerbs()) {
                String routeId = v.getRouteId() != null ? v.getRouteId() : v.getId();
                if (routeId != null) {
                    verbs.put(routeId, new Verb(v.asVerb().toUpperCase(Locale.ROOT),
                            join(rest.getPath(), v.getPath()), scopes(routeId, v), type(context, routeId, v),
                            v.getConsumes() == null));
                }
            }
        }
        return Map.copyOf(verbs);
    }

    private static Class<?> type(CamelContext context, String routeId, VerbDefinition v) {
        if (v.getType() == null) {
            return null;
        }
        Class<?> type = context.getClassResolver().resolveClass(v.getType());
        if (type == null) {
            throw new IllegalStateException("REST verb " + routeId + " declares type " + v.getType()
                    + ", which is no class here");
        }
        return type;
    }

    private static Set<Scope> scopes(String routeId, VerbDefinition v) {
        if (v.getSecurity() == null || v.getSecurity().isEmpty()) {
            return ADMIN_ONLY;
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (SecurityDefinition s : v.getSecurity()) {
            if (!SCHEME.equals(s.getKey()) || s.getScopes() == null) {
                continue;
            }
            for (String name : s.getScopes().split(",")) {
                scopes.add(Scope.parse(name).orElseThrow(() -> new IllegalStateException("REST verb " + routeId
                        + " names an unknown key scope '" + name.trim() + "' (admin, read or kiosk)")));
            }
        }
        return scopes.isEmpty() ? ADMIN_ONLY : Set.copyOf(scopes);
    }

    private static String join(String restPath, String verbPath) {
        String a = restPath == null ? "" : restPath;
        String b = verbPath == null ? "" : verbPath;
        String p = (a.endsWith("/") ? a.substring(0, a.length() - 1) : a) + (b.isEmpty() || b.startsWith("/") ? b : "/" + b);
        return p.isEmpty() ? "/" : p;
    }
}
