package io.faceclock.fakeodoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Odoo 19's JSON-2 API, POST /json/2/&lt;model&gt;/&lt;method&gt; with a bearer API key, over the fake database. */
final class Json2Handler implements HttpHandler {

    static final String NO_DATABASE = "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
            + "<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n"
            + "<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n"
            + "<!-- Alternatively, use the X-Odoo-Database header. -->\n";
    /** What Odoo 18 answers for /json/2: the route does not exist. */
    static final String NOT_FOUND = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
            + "<p>The requested URL was not found on the server. If you entered the URL manually please check your "
            + "spelling and try again.</p>\n";
    static final String UNSUPPORTED_TYPE = "<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n"
            + "<h1>Unsupported Media Type</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but "
            + "&#39;/json/2/&lt;__model__&gt;/&lt;__method__&gt;&#39; is type=&#39;json2&#39;.<br><br>Please verify "
            + "the Content-Type request header and try again.</p>\n";
    private static final Pattern ROUTE = Pattern.compile("/json/2/([^/]+)/([^/]+)");
    private static final Pattern AUTH = Pattern.compile("(\\S+)\\s+(\\S+)\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A method's Python signature, as JSON-2 binds the body to it. */
    private record Sig(boolean modelMethod, List<String> required, List<String> optional, boolean varKw) {
    }

    private static final Map<String, Sig> SIGNATURES = Map.ofEntries(
            Map.entry("search_read", new Sig(true, List.of(), List.of("domain", "fields", "offset", "limit", "order"),
                    true)),
            Map.entry("search", new Sig(true, List.of("domain"), List.of("offset", "limit", "order"), false)),
            Map.entry("search_count", new Sig(true, List.of("domain"), List.of("limit"), false)),
            Map.entry("read", new Sig(false, List.of(), List.of("fields", "load"), false)),
            Map.entry("create", new Sig(true, List.of("vals_list"), List.of(), false)),
            Map.entry("write", new Sig(false, List.of("vals"), List.of(), false)),
            Map.entry("unlink", new Sig(false, List.of(), List.of(), false)),
            Map.entry("fields_get", new Sig(true, List.of(), List.of("allfields", "attributes"), false)),
            Map.entry("has_access", new Sig(false, List.of("operation"), List.of(), false)),
            Map.entry("res.users.context_get", new Sig(true, List.of(), List.of(), false)),
            Map.entry("res.users.has_group", new Sig(false, List.of("group_ext_id"), List.of(), false)),
            Map.entry("ir.model.data.check_object_reference", new Sig(true, List.of("module", "xml_id"),
                    List.of("raise_on_access_error"), false)));

    private final FakeOdoo fake;

    Json2Handler(FakeOdoo fake) {
        this.fake = fake;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (fake.hostileMode() != Hostile.NONE) {
                HostileAnswers.answer(fake, fake.hostileMode(), ex);
                return;
            }
            FakeDb db = fake.database();
            String dbHeader = ex.getRequestHeaders().getFirst("X-Odoo-Database");
            if (!fake.version().v19()) {
                RpcHandler.send(ex, 404, "text/html; charset=utf-8", NOT_FOUND.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (dbHeader != null && !dbHeader.equals(db.name)) {
                RpcHandler.send(ex, 404, "text/html; charset=utf-8", NO_DATABASE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Matcher route = ROUTE.matcher(ex.getRequestURI().getPath());
            if (!ex.getRequestMethod().equals("POST") || !route.matches()) {
                error(ex, 404, "werkzeug.exceptions.NotFound", "Did you mean POST /json/2/<model>/<method>?", true);
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase().startsWith("application/json")) {
                ex.getResponseHeaders().add("Accept", "application/json");
                RpcHandler.send(ex, 415, "text/html; charset=utf-8", UNSUPPORTED_TYPE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Integer uid = authenticate(ex, db);
            if (uid == null) {
                return;
            }
            String model = route.group(1);
            String method = route.group(2);
            fake.count("json2." + model + "." + method);
            fake.count(model + "." + method);
            try {
                fake.pause(model + "." + method);
                Map<String, Object> params;
                try {
                    params = parse(body);
                } catch (JsonProcessingException e) {
                    long at = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
                    error(ex, 400, "werkzeug.exceptions.BadRequest", "could not parse the body as json: Expecting "
                            + "value: line 1 column " + (at + 1) + " (char " + at + ")", true);
                    return;
                }
                call(ex, db, uid, model, method, params);
            } finally {
                fake.finished(model + "." + method);
            }
        }
    }

    private Integer authenticate(HttpExchange ex, FakeDb db) throws IOException {
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer ");
        String header = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m = header == null ? null : AUTH.matcher(header);
        if (m == null || !m.matches() || !m.group(1).equalsIgnoreCase("bearer")) {
            error(ex, 401, "werkzeug.exceptions.Unauthorized",
                    "User not authenticated, use an API Key with a Bearer Authorization header.", true);
            return null;
        }
        Integer uid;
        synchronized (db) {
            uid = db.uidForApiKey(m.group(2));
        }
        if (uid == null) {
            error(ex, 401, "werkzeug.exceptions.Unauthorized", "Invalid apikey", true);
            return null;
        }
        ex.getResponseHeaders().remove("WWW-Authenticate");
        return uid;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] body) throws JsonProcessingException {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        Object v = JSON.readValue(new String(body, StandardCharsets.UTF_8), Object.class);
        return v instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private void call(HttpExchange ex, FakeDb db, int uid, String model, String method, Map<String, Object> params)
            throws IOException {
        if (!db.models.containsKey(model)) {
            error(ex, 404, "werkzeug.exceptions.NotFound", "the model '" + model + "' does not exist", true);
            return;
        }
        if (method.startsWith("_")) {
            error(ex, 403, "odoo.exceptions.AccessError", "Private methods (such as '" + model + "." + method
                    + "') cannot be called remotely.", false);
            return;
        }
        Sig sig = SIGNATURES.getOrDefault(model + "." + method, SIGNATURES.get(method));
        if (sig == null) {
            error(ex, 404, "werkzeug.exceptions.NotFound", "The method '" + model + "." + method + "' does not exist",
                    true);
            return;
        }
        Object ids = params.remove("ids");
        Object context = params.remove("context");
        String bindError = bind(sig, model, method, ids, params);
        if (bindError != null) {
            error(ex, 422, "werkzeug.exceptions.UnprocessableEntity", bindError, true);
            return;
        }
        List<Object> args = new ArrayList<>();
        if (!sig.modelMethod()) {
            args.add(ids == null ? List.of() : ids);
        }
        if (context != null) {
            params.put("context", context);
        }
        Object result;
        try {
            synchronized (db) {
                result = new Orm(db).execute(uid, model, method, args, params);
            }
        } catch (Fault f) {
            fault(ex, f);
            return;
        }
        if (method.equals("create") && result instanceof Integer id) {
            result = List.of(id); // JSON-2 returns the recordset, i.e. its ids
        }
        RpcHandler.send(ex, 200, "application/json; charset=utf-8",
                PyJson.dumps(result).getBytes(StandardCharsets.UTF_8));
    }

    /** Python's Signature.bind, as json2.py uses it: ids on an @api.model method, missing, unexpected. */
    private static String bind(Sig sig, String model, String method, Object ids, Map<String, Object> params) {
        if (ids != null && sig.modelMethod()) {
            return "cannot call " + model + "." + method + " with ids";
        }
        for (String r : sig.required()) {
            if (!params.containsKey(r)) {
                return "missing a required argument: '" + r + "'";
            }
        }
        if (!sig.varKw()) {
            for (String k : params.keySet()) {
                if (!sig.required().contains(k) && !sig.optional().contains(k)) {
                    return "got an unexpected keyword argument '" + k + "'";
                }
            }
        }
        return null;
    }

    private static void fault(HttpExchange ex, Fault f) throws IOException {
        if (f.code == 1) {
            error(ex, 500, "builtins." + f.pyType, f.getMessage(), false);
            return;
        }
        int status = switch (f.code) {
            case 3, 4 -> 403;
            default -> "MissingError".equals(f.odooType) ? 404 : 422;
        };
        error(ex, status, "odoo.exceptions." + f.odooType, f.getMessage(), false);
    }

    static void error(HttpExchange ex, int status, String name, String message, boolean werkzeug) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", name);
        e.put("message", message);
        e.put("arguments", werkzeug ? List.of(message, status) : List.of(message));
        e.put("context", Map.of());
        e.put("debug", "Traceback (most recent call last):\n  (traceback shortened by the fake Odoo)\n" + name + ": "
                + message + "\n");
        RpcHandler.send(ex, status, "application/json; charset=utf-8",
                PyJson.dumps(e).getBytes(StandardCharsets.UTF_8));
    }
}
