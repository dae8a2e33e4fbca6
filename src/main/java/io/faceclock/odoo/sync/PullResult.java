package io.faceclock.odoo.sync;

import java.util.ArrayList;
import java.util.List;

/** What a pull did to the local people. */
public final class PullResult {

    int added;
    int updated;
    int deactivated;
    int total;
    int rekeyed;
    final List<String> errors = new ArrayList<>();

    public int added() {
        return added;
    }

    public int updated() {
        return updated;
    }

    public int deactivated() {
        return deactivated;
    }

    public int total() {
        return total;
    }

    /** People keyed ODOO_<id> by an earlier pull that now carry their badge as person_id. */
    public int rekeyed() {
        return rekeyed;
    }

    public List<String> errors() {
        return errors;
    }

    void error(String e) {
        if (errors.size() < 100) {
            errors.add(e);
        }
    }

    public String message() {
        return "Synced " + total + " employees from Odoo (" + added + " added, " + updated + " updated, "
                + deactivated + " deactivated" + (rekeyed > 0 ? ", " + rekeyed + " re-keyed by their badge" : "") + (errors.isEmpty() ? "" : ", " + errors.size() + " problems") + ")";
    }
}
