package io.faceclock.odoo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How faceclock talks to Odoo ({@code faceclock.odoo.protocol}). {@code auto} picks JSON-2 on Odoo 19
 * or newer when the secret is an API key (JSON-2 takes nothing else), XML-RPC otherwise.
 */
public enum OdooProtocol {
    AUTO, XMLRPC, JSON2;

    public static final String SETTING = "faceclock.odoo.protocol";
    /** Odoo mints API keys as 40 hex digits (res.users.apikeys, 20 random bytes). */
    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{40}");

    /** The setting's value; anything unknown is refused, never taken for XML-RPC. */
    public static OdooProtocol parse(String value) {
        String v = value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> AUTO;
            case "xmlrpc", "xml-rpc" -> XMLRPC;
            case "json2", "json-2" -> JSON2;
            default -> throw new IllegalArgumentException("Setting " + SETTING + " must be auto, xmlrpc or json2, got '"
                    + value.trim() + "'");
        };
    }

    static boolean looksLikeApiKey(String secret) {
        return secret != null && API_KEY.matcher(secret).matches();
    }

    /** What a person should be told when XML-RPC is used on a server that deprecated it, or null. */
    public static String deprecationWarning(String transport, ServerVersion v, OdooProtocol configured) {
        if (!"xmlrpc".equals(transport) || v == null || v.major() < 19) {
            return null;
        }
        return "Odoo " + v.serverVersion() + " deprecates XML-RPC (Odoo 20 removes it): "
                + (configured == XMLRPC ? "set " + SETTING + "=auto and " : "")
                + "give faceclock an API key of its Odoo user (Preferences > Account Security > New API Key) as the "
                + "password, so that it uses JSON-2.";
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
