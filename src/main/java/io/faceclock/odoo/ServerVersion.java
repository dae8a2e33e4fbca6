package io.faceclock.odoo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code common.version()} reports, e.g. "18.0", [18,0,0,"final",0,""], protocol 1. */
public record ServerVersion(String serverVersion, List<Object> serverVersionInfo, int protocolVersion) {

    /** From a version text such as "19.0" or "saas~18.3" (as remembered for the status). */
    public static ServerVersion parse(String text) {
        Matcher m = Pattern.compile("(\\d+)").matcher(text);
        return new ServerVersion(text, m.find() ? List.of(Integer.parseInt(m.group(1))) : List.of(), 0);
    }

    /** The major version (18, 19, ...), or 0 if the server did not say. */
    public int major() {
        if (!serverVersionInfo.isEmpty() && serverVersionInfo.get(0) instanceof Integer i) {
            return i;
        }
        return 0;
    }
}
