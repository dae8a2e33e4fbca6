package io.faceclock.odoo.sync;

/**
 * The Odoo connection faceclock syncs with. {@code source} says where it came from:
 * "environment" (FACECLOCK_ODOO_* or properties, which win) or "saved" (POST /sync/odoo/config).
 */
public record OdooConfig(String url, String db, String username, String password, String source) {

    public static final String MASK = "********";

    @Override
    public String toString() {
        return "OdooConfig[url=" + url + ", db=" + db + ", username=" + username + ", password=" + MASK
                + ", source=" + source + "]";
    }
}
