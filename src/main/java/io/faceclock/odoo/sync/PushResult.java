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

    public String message() {
        String m = "Pushed " + pushed + " attendance records" + (updated > 0 ? ", updated " + updated : "")
                + (unchanged > 0 ? ", " + unchanged + " unchanged" : "") + (conflicts > 0 ? ", " + conflicts
                + " changed in Odoo meanwhile (not overwritten)" : "") + ", " + failed + " failed"
                + (stillFailing > 0 ? ", " + stillFailing + " still failing from before (retried after they change)"
                : "");
        return abortedBy == null ? m : m + "; stopped: " + abortedBy;
    }
}
