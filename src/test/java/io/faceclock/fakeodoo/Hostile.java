package io.faceclock.fakeodoo;

/** Ways the fake can misbehave, for the client's security and robustness tests. */
public enum Hostile {
    /** Behave like Odoo. */
    NONE,
    /** A fault whose struct carries a faultCause: a serialised Java object ({@link Tripwire}). */
    SERIALIZED_FAULT_CAUSE,
    /** A success whose value is an Apache extension &lt;ex:serializable&gt; ({@link Tripwire}). */
    EX_SERIALIZABLE,
    /** A DOCTYPE with an external entity pointing at {@code FakeOdoo.xxeTarget}. */
    XXE,
    /** An endless-looking string streamed chunked (hugeResponseBytes, never held in memory). */
    HUGE_RESPONSE,
    /** The same, but announced up front with a Content-Length. */
    HUGE_DECLARED_LENGTH,
    /** Reads the request and never answers. */
    NEVER_ANSWER,
    /** Answers 200 and then one byte every 200 ms, never finishing: no per-read timeout ever trips. */
    TRICKLE,
    /** An HTML 404 page, like a web server that is not Odoo. */
    NOT_ODOO_404,
    /** An HTML page with status 200, like a login portal in front of the wrong URL. */
    HTML_200
}
