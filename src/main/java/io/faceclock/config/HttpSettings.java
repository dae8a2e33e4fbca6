package io.faceclock.config;

/** faceclock's HTTP server: where it listens and the largest request body it reads. */
public record HttpSettings(String host, int port, int maxBodyBytes) {

    static HttpSettings read(Settings s) {
        return new HttpSettings(s.text(Settings.HOST), s.integer(Settings.PORT), s.integer(Settings.MAX_BODY_BYTES));
    }
}
