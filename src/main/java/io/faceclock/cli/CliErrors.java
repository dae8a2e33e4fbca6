package io.faceclock.cli;

import io.faceclock.errors.ConflictException;
import io.faceclock.errors.DomainException;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.errors.UnavailableException;
import io.faceclock.errors.UpstreamException;

/** How a command that failed ends: one plain sentence on stderr and an exit code a script can test. */
final class CliErrors {

    static final int FAILED = 1;
    static final int INVALID_INPUT = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;
    static final int UNAVAILABLE = 5;
    static final int UPSTREAM_FAILED = 6;

    private CliErrors() {
    }

    static int exitCode(Throwable failure) {
        Throwable t = refusal(failure);
        if (t instanceof InvalidInputException || t instanceof IllegalArgumentException) {
            return INVALID_INPUT;
        } else if (t instanceof NotFoundException) {
            return NOT_FOUND;
        } else if (t instanceof ConflictException) {
            return CONFLICT;
        } else if (t instanceof UnavailableException) {
            return UNAVAILABLE;
        } else if (t instanceof UpstreamException) {
            return UPSTREAM_FAILED;
        }
        return FAILED;
    }

    /** "faceclock: No person with person_id 'X'", the field named when the sentence does not say it. */
    static String sentence(Throwable failure) {
        Throwable t = refusal(failure);
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof DomainException d && d.field() != null && !m.contains(d.field())) {
            m = m + " (" + d.field() + ")";
        }
        return "faceclock: " + m;
    }

    /** The domain's refusal inside whatever wrapped it on the way up, or the failure itself. */
    private static Throwable refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException) {
                return t;
            }
        }
        return failure;
    }
}
