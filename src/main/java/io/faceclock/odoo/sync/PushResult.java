package io.faceclock.odoo.sync;

import java.util.ArrayList;
import java.util.List;

/** What a push did, record by record; errors name the record and Odoo's reason. */
public final class PushResult {

    int pushed;
    int updated;
    int unchanged;
    int failed;
    int conflicts;
    int stillFailing;
    int total;
    final List<String> errors = new ArrayList<>();
    /** Set when Odoo could not be reached or refused the credentials: nothing after that was tried. */
    String abortedBy;

    public int pushed() {
        return pushed;
    }

    public int updated() {
        return updated;
    }

    public int unchanged() {
        return unchanged;
    }

    public int failed() {
        return failed;
    }

    public int conflicts() {
        return conflicts;
    }

    public int stillFailing() {
        return stillFailing;
    }

    public int total() {
        return total;
    }

    public List<String> errors() {
        return errors;
    }

    public String abortedBy() {
        return abortedBy;
    }

    void fail(String error) {
        failed++;
        note(error);
    }

    void conflict(String error) {
        conflicts++;
        note(error);
    }

    private void note(String error) {
        if (errors.size() < 100) {
            errors.add(error);
        }
    }

    /** "4 new, 1 updated, 3 already in Odoo, 1 failed": what the push did, none of it left out. */
    public String message() {
        if (total == 0 && abortedBy == null) {
            return "Nothing to push: no attendance records in this range";
        }
        StringBuilder m = new StringBuilder(pushed + " new");
        if (updated > 0) {
            m.append(", ").append(updated).append(" updated");
        }
        if (unchanged > 0 || pushed + updated == 0) {
            m.append(", ").append(unchanged).append(" already in Odoo");
        }
        if (conflicts > 0) {
            m.append(", ").append(conflicts).append(" changed in Odoo meanwhile (not overwritten)");
        }
        if (failed > 0) {
            m.append(", ").append(failed).append(" failed");
        }
        if (stillFailing > 0) {
            m.append(", ").append(stillFailing).append(" still failing from before (retried after they change)");
        }
        return abortedBy == null ? m.toString() : m + "; stopped: " + abortedBy;
    }
}
