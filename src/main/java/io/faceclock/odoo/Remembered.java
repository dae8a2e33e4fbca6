package io.faceclock.odoo;

import java.util.function.Supplier;

/** A value a client asks the server once and then reuses (the server's version, the uid) until it is forgotten. */
final class Remembered<T> {

    private volatile T value;

    /** Keeps v and returns it. */
    T keep(T v) {
        value = v;
        return v;
    }

    /** The kept value, or what ask answers (and keeps) when there is none yet. */
    T orAsk(Supplier<T> ask) {
        T v = value;
        return v != null ? v : keep(ask.get());
    }

    /** The same, one ask at a time: who waited for it gets what that ask obtained. */
    T orAskOnce(Supplier<T> ask) {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            v = value;
            return v != null ? v : keep(ask.get());
        }
    }

    /** Asked again next time (e.g. the uid after the server refused the credentials). */
    void forget() {
        value = null;
    }
}
