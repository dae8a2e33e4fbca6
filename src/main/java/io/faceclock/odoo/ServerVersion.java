package io.faceclock.odoo;

import java.util.List;

/** What {@code common.version()} reports, e.g. "18.0", [18,0,0,"final",0,""], protocol 1. */
public record ServerVersion(String serverVersion, List<Object> serverVersionInfo, int protocolVersion) {

    /** The major version (18, 19, ...), or 0 if the server did not say. */
    public int major() {
        if (!serverVersionInfo.isEmpty() && serverVersionInfo.get(0) instanceof Integer i) {
            return i;
        }
        return 0;
    }
}
