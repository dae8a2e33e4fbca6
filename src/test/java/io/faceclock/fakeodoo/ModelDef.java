package io.faceclock.fakeodoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model the fake knows: its fields (in Odoo's declaration order), default order and label. */
record ModelDef(String name, String description, String defaultOrder, Map<String, FieldDef> fields) {

    /** One field as fields_get describes it; group is the external id of the group allowed to read it. */
    record FieldDef(String name, String type, String label, String relation, boolean required, boolean readonly,
                    boolean store, String related, List<List<String>> selection, String group) {

        Map<String, Object> describe(List<String> attributes) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("type", type);
            all.put("string", label);
            if (relation != null) {
                all.put("relation", relation);
            }
            all.put("required", required);
            all.put("readonly", readonly);
            all.put("store", store);
            if (related != null) {
                all.put("related", related);
            }
            if (selection != null) {
                List<Object> sel = List.copyOf(selection);
                all.put("selection", sel);
            }
            if (attributes == null || attributes.isEmpty()) {
                return all;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String a : attributes) {
                if (all.containsKey(a)) {
                    out.put(a, all.get(a));
                }
            }
            return out;
        }
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    FieldDef field(String name) {
        return fields.get(name);
    }

    boolean hasActive() {
        return fields.containsKey("active");
    }

    /** Builds a model's field list tersely: f("barcode", "char", "Badge ID"). */
    static final class Builder {
        private final String name;
        private final String description;
        private final String order;
        private final Map<String, FieldDef> fields = new LinkedHashMap<>();

        Builder(String name, String description, String order) {
            this.name = name;
            this.description = description;
            this.order = order;
            f("id", "integer", "ID", null, false, true, null);
        }

        Builder f(String field, String type, String label) {
            return f(field, type, label, null, false, false, null);
        }

        Builder m2o(String field, String label, String relation) {
            return f(field, "many2one", label, relation, false, false, null);
        }

        Builder f(String field, String type, String label, String relation, boolean required, boolean readonly,
                  String related) {
            fields.put(field, new FieldDef(field, type, label, relation, required, readonly, true, related, null,
                    null));
            return this;
        }

        Builder put(FieldDef def) {
            fields.put(def.name(), def);
            return this;
        }

        /** Changes one attribute set of the last-declared field. */
        Builder modify(String field, java.util.function.UnaryOperator<FieldDef> change) {
            fields.put(field, change.apply(fields.get(field)));
            return this;
        }

        ModelDef build() {
            return new ModelDef(name, description, order,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        }
    }
}
