package io.faceclock.odoo;

import java.util.List;
import java.util.Map;

/**
 * Transport-agnostic access to one Odoo database: XML-RPC, JSON-2 (Odoo 19+), or chosen by itself.
 * <p>
 * Values are plain Java: String, Integer, Double, Boolean, List, Map. An empty field is {@code false}
 * (Odoo never sends null); a many2one is {@code [id, display_name]} or {@code false}. Datetime fields
 * ({@code write_date}, {@code check_in}...) come back as {@link java.time.Instant}; an Instant given in
 * values or domains is sent as Odoo's "YYYY-MM-DD HH:MM:SS" UTC string.
 * <p>
 * Every method throws {@link OdooException}. Implementations are thread-safe; the uid is obtained
 * once (authenticate costs about 0.5 s on the server) and reused.
 */
public interface OdooClient {

    /** {@code common.version()}: needs no credentials. */
    ServerVersion version();

    /** The server's version, asked once per client. */
    ServerVersion serverVersion();

    /** "xmlrpc" or "json2": how this client talks to Odoo. */
    String transport();

    /** The uid for the configured login, authenticating on the first call only. */
    int authenticate();

    /** Name, login and tz of the authenticated user ({@code res.users.read}). */
    UserInfo currentUser();

    /** Whether the authenticated user is in the group with this external id, e.g. "hr.group_hr_user". */
    boolean hasGroup(String groupXmlId);

    /** Whether the user may perform operation ("read", "write", "create", "unlink") on the model at all. */
    boolean checkAccessRights(String model, String operation);

    /**
     * Fields of a model by name (name, type, label, relation), asked afresh each call: Odoo leaves out the
     * fields this user may not read, and rights change. Later reads use the last answer to find datetimes.
     */
    Map<String, FieldInfo> fieldsGet(String model);

    /**
     * {@code search_read}. domain is Odoo's prefix notation, e.g. {@code List.of(List.of("write_date", ">=", instant))};
     * limit null means no limit; order null means the model's default; context may be empty
     * (pass {@code Map.of("active_test", false)} to include archived records).
     */
    List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, int offset,
                                         Integer limit, String order, Map<String, Object> context);

    default List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields) {
        return searchRead(model, domain, fields, 0, null, null, Map.of());
    }

    List<Integer> search(String model, List<?> domain, int offset, Integer limit, String order,
                         Map<String, Object> context);

    int searchCount(String model, List<?> domain, Map<String, Object> context);

    /** Missing ids are silently left out (as Odoo does). */
    List<Map<String, Object>> read(String model, List<Integer> ids, List<String> fields);

    /** One call for the whole list: atomic (one bad record stores nothing) and ~10x faster than one call each. */
    List<Integer> create(String model, List<Map<String, Object>> records);

    boolean write(String model, List<Integer> ids, Map<String, Object> values);

    /** Escape hatch for any other model method: {@code execute_kw(model, method, args, kwargs)}. */
    Object execute(String model, String method, List<?> args, Map<String, Object> kwargs);
}
