package io.faceclock.odoo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last guard before a message leaves the Odoo client: a secret a server echoed is masked. Clients
 * never put a secret into a message themselves; this only catches what came back.
 * <p>
 * A short secret is masked only where it stands alone ("p" in "http://" stays), so messages stay
 * readable; a secret of {@link #ANYWHERE} characters or more is masked wherever it appears.
 */
final class Secrets {

    static final String MASK = "***";
    static final int ANYWHERE = 8;

    private Secrets() {
    }

    static String scrub(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            if (secret.length() >= ANYWHERE) {
                out = out.replace(secret, MASK);
            } else {
                out = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(secret) + "(?![\\p{L}\\p{N}_])")
                        .matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
            }
        }
        return out;
    }
}
