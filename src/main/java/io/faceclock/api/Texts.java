package io.faceclock.api;

/** Small text helpers for messages that quote what the caller sent. */
final class Texts {
    private Texts() {
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("[\\p{Cntrl}]", "?");
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }
}
