package io.faceclock.odoo;

/** One field from {@code fields_get}: name, Odoo type ("char", "many2one", "datetime"...), label, relation. */
public record FieldInfo(String name, String type, String label, String relation, boolean required, boolean readonly) {
}
