package io.faceclock.odoo.sync;

import io.faceclock.odoo.OdooClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Which of hr.attendance's mode fields (Odoo 17+) the server has. A server's fields do not change
 * between pushes, so fields_get is asked once per client (one client per connection settings: new
 * settings, a new client, asked again) and kept until {@link #forget()}.
 */
final class ModeFields {

    static final List<String> ALL = List.of("in_mode", "out_mode", "in_browser", "out_browser");

    private record Known(OdooClient client, Set<String> fields) {
    }

    private final AtomicReference<Known> known = new AtomicReference<>();

    /** The mode fields this client's server has; asks it only the first time. */
    Set<String> of(OdooClient client) {
        Known k = known.get();
        if (k != null && k.client() == client) {
            return k.fields();
        }
        var fields = client.fieldsGet(AttendancePush.MODEL);
        Set<String> modes = ALL.stream().filter(fields::containsKey).collect(Collectors.toUnmodifiableSet());
        known.set(new Known(client, modes));
        return modes;
    }

    /** The server may have changed (upgraded, a module removed): the next push asks again. */
    void forget() {
        known.set(null);
    }
}
