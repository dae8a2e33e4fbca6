package io.faceclock.odoo.sync;

import io.faceclock.attendance.Attendance;
import io.faceclock.attendance.AttendanceChangeListener;
import io.faceclock.store.SyncStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Queues every attendance change for Odoo in the transaction that makes it: a crash loses nothing. */
public final class OdooOutbox implements AttendanceChangeListener {

    private final SyncStore store;
    private final Clock clock;

    public OdooOutbox(SyncStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void changed(Connection c, Attendance attendance) throws SQLException {
        store.enqueue(c, attendance.id(), clock.instant());
    }
}
