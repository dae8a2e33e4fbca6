package io.faceclock.fakeodoo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fake database: tables, users with passwords and API keys, groups by external id. */
final class FakeDb {

    final OdooVersion version;
    final Map<String, ModelDef> models;
    final FakeClock clock;
    final Map<String, Integer> xmlids = new LinkedHashMap<>();
    private final Map<String, Table> tables = new HashMap<>();
    /** uid -> password (null: cannot log in) and API keys. */
    private final Map<Integer, String> passwords = new HashMap<>();
    private final Map<Integer, List<String>> apiKeys = new HashMap<>();
    String name;
    /** When the demo data was installed (19.0's employee versions date from the month before). */
    Instant seededAt = Instant.now();

    FakeDb(OdooVersion version, String name, FakeClock clock) {
        this.version = version;
        this.name = name;
        this.clock = clock;
        this.models = Models.of(version);
        models.forEach((n, def) -> tables.put(n, new Table(def)));
    }

    Table table(String model) {
        return tables.get(model);
    }

    String usersGroupsField() {
        return version.v19() ? "group_ids" : "groups_id";
    }

    void addUser(int uid, String login, String name, String password, List<Integer> groups, String tz, Instant at) {
        Map<String, Object> u = Seed.row(uid);
        u.put("login", login);
        u.put("name", name);
        u.put("active", password != null);
        u.put("tz", tz);
        u.put(usersGroupsField(), new ArrayList<>(groups));
        u.put("share", false);
        u.put("write_date", at);
        table("res.users").put(u);
        passwords.put(uid, password);
    }

    void setPassword(int uid, String password) {
        passwords.put(uid, password);
    }

    void addApiKey(int uid, String key) {
        apiKeys.computeIfAbsent(uid, k -> new ArrayList<>()).add(key);
    }

    Integer uidForLogin(String login) {
        for (Map<String, Object> u : table("res.users").all()) {
            if (login.equals(u.get("login")) && Boolean.TRUE.equals(u.get("active"))) {
                return (Integer) u.get("id");
            }
        }
        return null;
    }

    boolean credentialsMatch(int uid, String secret) {
        String pw = passwords.get(uid);
        if (pw != null && pw.equals(secret)) {
            return true;
        }
        return apiKeys.getOrDefault(uid, List.of()).contains(secret);
    }

    /** JSON-2 accepts API keys only, never the login password. */
    Integer uidForApiKey(String key) {
        for (Map.Entry<Integer, List<String>> e : apiKeys.entrySet()) {
            if (e.getValue().contains(key) && userExists(e.getKey())) {
                return e.getKey();
            }
        }
        return null;
    }

    boolean userExists(int uid) {
        return table("res.users").get(uid) != null;
    }

    @SuppressWarnings("unchecked")
    boolean inGroup(int uid, String xmlid) {
        Map<String, Object> u = table("res.users").get(uid);
        Integer gid = xmlids.get(xmlid);
        if (u == null || gid == null) {
            return false;
        }
        List<Integer> groups = (List<Integer>) u.get(usersGroupsField());
        if (groups.contains(gid)) {
            return true;
        }
        // the manager groups imply the officer groups
        if (xmlid.equals(Models.HR_USER)) {
            return inGroup(uid, "hr.group_hr_manager");
        }
        if (xmlid.equals(Models.ATTENDANCE_OFFICER)) {
            return inGroup(uid, "hr_attendance.group_hr_attendance_manager");
        }
        return false;
    }

    ZoneId userZone(int uid) {
        Map<String, Object> u = table("res.users").get(uid);
        Object tz = u == null ? null : u.get("tz");
        return tz instanceof String s ? ZoneId.of(s) : ZoneId.of("UTC");
    }

    /** The employee linked to a user, or null. */
    Integer employeeOf(int uid) {
        for (Map<String, Object> e : table("hr.employee").all()) {
            if (Integer.valueOf(uid).equals(e.get("user_id"))) {
                return (Integer) e.get("id");
            }
        }
        return null;
    }

    /** Odoo's display_name for a many2one value. */
    String displayName(String model, int id) {
        if (model.equals("hr.version")) {
            java.time.LocalDate start = java.time.LocalDate.ofInstant(seededAt, java.time.ZoneOffset.UTC)
                    .minusMonths(1).withDayOfMonth(1);
            return table("hr.employee").get(id) == null ? null
                    : java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.US).format(start);
        }
        Map<String, Object> r = table(model).get(id);
        if (r == null) {
            return null;
        }
        if (model.equals("hr.department")) {
            return (String) r.get("complete_name");
        }
        if (model.equals("hr.attendance")) {
            return String.valueOf(displayName("hr.employee", (Integer) r.get("employee_id")));
        }
        return (String) r.get("name");
    }
}
