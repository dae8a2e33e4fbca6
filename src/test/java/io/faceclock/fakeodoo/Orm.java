package io.faceclock.fakeodoo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** execute_kw on the fake's models: argument binding as Python does it, then the method. */
final class Orm {

    private final FakeDb db;
    private final Access access;
    private final Writes writes;

    Orm(FakeDb db) {
        this.db = db;
        this.access = new Access(db);
        this.writes = new Writes(db, access);
    }

    Object execute(int uid, String model, String method, List<Object> args, Map<String, Object> kwargs) {
        ModelDef def = db.models.get(model);
        if (def == null) {
            throw Fault.userError("Object " + model + " doesn't exist");
        }
        if (method.startsWith("_")) {
            throw Fault.accessError(db.version.v19()
                    ? "Private methods (such as '" + model + "." + method + "') cannot be called remotely."
                    : "Private methods (such as " + method + ") cannot be called remotely.");
        }
        Map<String, Object> kw = new LinkedHashMap<>(kwargs == null ? Map.of() : kwargs);
        Object ctxValue = kw.remove("context");
        Map<?, ?> ctx = ctxValue instanceof Map<?, ?> m ? m : Map.of();
        switch (method) {
            case "search_read": {
                Map<String, Object> a = bind(args, kw, "BaseModel._read_format", "domain", "fields", "offset", "limit",
                        "order");
                List<Map<String, Object>> rows = search(uid, def, a, ctx);
                return read(uid, def, rows, fieldList(def, a.get("fields")));
            }
            case "search": {
                Map<String, Object> a = bind(args, kw, "BaseModel.search", "domain", "offset", "limit", "order");
                return search(uid, def, a, ctx).stream().map(r -> r.get("id")).collect(Collectors.toList());
            }
            case "search_count": {
                Map<String, Object> a = bind(args, kw, "BaseModel.search_count", "domain", "limit");
                a.remove("limit");
                return search(uid, def, a, ctx).size();
            }
            case "read": {
                Map<String, Object> a = bind(args, kw, "BaseModel.read", "ids", "fields", "load");
                List<Map<String, Object>> rows = new ArrayList<>();
                Predicate<Map<String, Object>> rule = recordRule(uid, def);
                for (Integer id : ids(a.get("ids"))) {
                    Map<String, Object> r = db.table(model).get(id);
                    if (r != null && rule.test(r)) {
                        rows.add(r);
                    }
                }
                return read(uid, def, rows, fieldList(def, a.get("fields")));
            }
            case "fields_get": {
                Map<String, Object> a = bind(args, kw, "BaseModel.fields_get", "allfields", "attributes");
                return fieldsGet(uid, def, a);
            }
            case "create": {
                Map<String, Object> a = bind(args, kw, "BaseModel.create", "vals_list");
                return writes.create(uid, def, a.get("vals_list"));
            }
            case "write": {
                Map<String, Object> a = bind(args, kw, "BaseModel.write", "ids", "vals");
                return writes.write(uid, def, ids(a.get("ids")), (Map<?, ?>) a.get("vals"));
            }
            case "unlink": {
                Map<String, Object> a = bind(args, kw, "BaseModel.unlink", "ids");
                return writes.unlink(uid, def, ids(a.get("ids")));
            }
            case "has_access": {
                Map<String, Object> a = bind(args, kw, "BaseModel.has_access", "ids", "operation");
                return access.allowed(uid, model, String.valueOf(a.get("operation")));
            }
            case "check_access_rights": {
                Map<String, Object> a = bind(args, kw, "BaseModel.check_access_rights", "operation",
                        "raise_exception");
                boolean ok = access.allowed(uid, model, String.valueOf(a.get("operation")));
                if (!ok && !Boolean.FALSE.equals(a.get("raise_exception"))) {
                    access.check(uid, def, String.valueOf(a.get("operation")));
                }
                return ok;
            }
            default:
                return special(uid, def, method, args, kw);
        }
    }

    private Object special(int uid, ModelDef def, String method, List<Object> args, Map<String, Object> kw) {
        if (def.name().equals("res.users") && method.equals("has_group")) {
            Map<String, Object> a = bind(args, kw, "ResUsers.has_group", "ids", "group_ext_id");
            List<Integer> ids = ids(a.get("ids"));
            return db.inGroup(ids.isEmpty() ? uid : ids.get(0), String.valueOf(a.get("group_ext_id")));
        }
        if (def.name().equals("res.users") && method.equals("context_get")) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("lang", "en_US");
            Object tz = db.table("res.users").get(uid).get("tz");
            c.put("tz", tz == null ? Boolean.FALSE : tz);
            c.put("uid", uid);
            return c;
        }
        if (def.name().equals("ir.model.data") && method.equals("check_object_reference")) {
            Map<String, Object> a = bind(args, kw, "IrModelData.check_object_reference", "module", "xml_id");
            String xmlid = a.get("module") + "." + a.get("xml_id");
            Integer id = db.xmlids.get(xmlid);
            if (id == null) {
                throw Fault.valueError("External ID not found in the system: " + xmlid);
            }
            return List.of("res.groups", id);
        }
        throw Fault.python("AttributeError", "The method '" + method + "' does not exist on the model '"
                + def.name() + "'");
    }

    private List<Map<String, Object>> search(int uid, ModelDef def, Map<String, Object> a, Map<?, ?> ctx) {
        List<?> domain = a.get("domain") instanceof List<?> l ? l : List.of();
        ZoneId zone = db.version.v19()
                ? (ctx.get("tz") instanceof String tz ? ZoneId.of(tz) : db.userZone(uid)) : ZoneId.of("UTC");
        Predicate<Map<String, Object>> p = Domain.compile(db, def, domain, zone);
        if (def.hasActive() && !Boolean.FALSE.equals(ctx.get("active_test")) && !Domain.mentions(domain, "active")) {
            p = p.and(r -> Boolean.TRUE.equals(r.get("active")));
        }
        p = p.and(recordRule(uid, def));
        String order = a.get("order") instanceof String s ? s : null;
        List<Map<String, Object>> rows = db.table(def.name()).all().stream().filter(p)
                .sorted(Domain.order(db, def, order)).collect(Collectors.toList());
        int offset = a.get("offset") instanceof Integer o ? o : 0;
        Integer limit = a.get("limit") instanceof Integer l ? l : null;
        return Domain.page(rows, offset, limit);
    }

    private Predicate<Map<String, Object>> recordRule(int uid, ModelDef def) {
        if (!def.name().equals("hr.attendance") || access.seesAllAttendances(uid)) {
            return r -> true;
        }
        Integer mine = db.employeeOf(uid);
        return r -> mine != null && Objects.equals(mine, r.get("employee_id"));
    }

    private List<Map<String, Object>> read(int uid, ModelDef def, List<Map<String, Object>> rows, List<String> fields) {
        for (String f : fields) {
            if (!def.has(f)) {
                throw Fault.valueError(db.version.v19() ? "Invalid field '" + f + "' on '" + def.name() + "'"
                        : "Invalid field '" + f + "' on model '" + def.name() + "'");
            }
        }
        access.checkFields(uid, def, fields);
        access.checkPublicProfile(uid, def, fields);
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            out.add(Rows.render(db, def, r, fields));
        }
        return out;
    }

    private static List<String> fieldList(ModelDef def, Object fields) {
        if (fields instanceof List<?> l && !l.isEmpty()) {
            return l.stream().map(String::valueOf).collect(Collectors.toList());
        }
        return def.fields().keySet().stream().filter(f -> !f.equals("password")).collect(Collectors.toList());
    }

    /** Like Odoo 18 and 19, fields the user may not read are left out (rights transcripts 005, 012, 019, 026). */
    private Map<String, Object> fieldsGet(int uid, ModelDef def, Map<String, Object> a) {
        List<?> wanted = a.get("allfields") instanceof List<?> l && !l.isEmpty() ? l : null;
        List<String> attributes = a.get("attributes") instanceof List<?> l
                ? l.stream().map(String::valueOf).collect(Collectors.toList()) : null;
        Map<String, Object> out = new LinkedHashMap<>();
        def.fields().forEach((name, f) -> {
            if ((wanted == null || wanted.contains(name)) && access.mayRead(uid, f)) {
                out.put(name, f.describe(attributes));
            }
        });
        return out;
    }

    /** Python's call binding: positional args by name, then keywords; an unknown keyword is a TypeError. */
    private static Map<String, Object> bind(List<Object> args, Map<String, Object> kw, String owner, String... names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (i >= names.length) {
                throw Fault.typeError(owner + "() takes " + (names.length + 1) + " positional arguments but "
                        + (args.size() + 1) + " were given");
            }
            out.put(names[i], args.get(i));
        }
        for (Map.Entry<String, Object> e : kw.entrySet()) {
            if (!List.of(names).contains(e.getKey())) {
                throw Fault.typeError(owner + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    static List<Integer> ids(Object v) {
        if (v instanceof Integer i) {
            return List.of(i);
        }
        List<Integer> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                out.add((Integer) o);
            }
        }
        return out;
    }
}
