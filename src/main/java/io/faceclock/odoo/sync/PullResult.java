package io.faceclock.odoo.sync;

import java.util.ArrayList;
import java.util.List;

/** What a pull did to the local people. */
public final class PullResult {

    int added;
    int updated;
    int deactivated;
    int total;
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
                + deactivated + " deactivated" + (errors.isEmpty() ? "" : ", " + errors.size() + " problems") + ")";
    }
}
