package io.faceclock.fakeodoo;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The two Odoo releases the transcripts were captured from, and what differs between them. */
public enum OdooVersion {
    V18("18.0", 18, "bridge18", "MM/dd/yyyy HH:mm:ss"),
    V19("19.0", 19, "bridge19", "MM/dd/yyyy hh:mm:ss a");

    final String serie;
    final int major;
    final String defaultDb;
    /** How constraint messages show a time (en_US, user's tz): 19 added AM/PM. */
    final DateTimeFormatter messageTime;

    OdooVersion(String serie, int major, String defaultDb, String messagePattern) {
        this.serie = serie;
        this.major = major;
        this.defaultDb = defaultDb;
        this.messageTime = DateTimeFormatter.ofPattern(messagePattern, Locale.US);
    }

    List<Object> versionInfo() {
        return List.of(major, 0, 0, "final", 0, "");
    }

    boolean v19() {
        return this == V19;
    }
}
