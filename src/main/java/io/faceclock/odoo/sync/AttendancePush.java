package io.faceclock.odoo.sync;

import io.faceclock.odoo.OdooClient;
import io.faceclock.odoo.OdooException;
import io.faceclock.store.SyncStore;
import io.faceclock.store.SyncStore.SyncItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Sends attendances to Odoo's hr.attendance. New records go in one atomic create per batch; a
 * failing batch is split until every good record lands and every bad one is named. Records Odoo
 * already has are written only when they changed here, and never when they changed in Odoo since
 * faceclock sent them. A record whose Odoo id was lost is first looked for by its check-in.
 */
final class AttendancePush {

    static final String MODEL = "hr.attendance";
    static final int BATCH = 1000;

    enum Outcome { SYNCED, UNCHANGED, FAILED, CONFLICT }

    private final SyncStore store;
    private final EmployeeLinks links;
    private final PunchModes modes;
    private final Clock clock;
    /** in_mode, out_mode...: written where the server has them, so HR sees how and where each punch was made. */
    private final ModeFields modeFields = new ModeFields();

    AttendancePush(SyncStore store, EmployeeLinks links, PunchModes modes, Clock clock) {
        this.store = store;
        this.links = links;
        this.modes = modes;
        this.clock = clock;
    }

    /** in_mode, out_mode and the source where the server has them; only the check-out side when out. */
    private void putModes(Map<String, Object> v, Set<String> fields, PunchModes.Mode m, boolean checkIn,
                          boolean checkOut) {
        if (m == null) {
            return;
        }
        if (checkIn) {
            putIf(v, fields, "in_mode", m.in());
            putIf(v, fields, "in_browser", m.inWhere());
        }
        if (checkOut) {
            putIf(v, fields, "out_mode", m.out());
            putIf(v, fields, "out_browser", m.outWhere());
        }
    }

    private static void putIf(Map<String, Object> v, Set<String> fields, String field, Object value) {
        if (fields.contains(field)) {
            v.put(field, value);
        }
    }

    /**
     * Pushes the items; stops (setting abortedBy) at the first failure that is not about one record.
     * Records that failed before and have not changed since are left alone unless retryFailed.
     */
    Map<Long, Outcome> push(OdooClient client, List<SyncItem> items, PushResult result, boolean retryFailed,
                            Progress progress) {
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        result.total += items.size();
        progress.addToTotal(items.size());
        try {
            for (int from = 0; from < items.size(); from += BATCH) {
                List<SyncItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                pushBatch(client, batch, result, outcomes, retryFailed);
                progress.advance(batch.size());
            }
        } catch (OdooException e) {
            // Not about one record (those are caught per record): the connection, the user or the server.
            modeFields.forget();
            result.abortedBy = e.getMessage();
        }
        return outcomes;
    }

    private void pushBatch(OdooClient client, List<SyncItem> batch, PushResult result, Map<Long, Outcome> outcomes,
                           boolean retryFailed) {
        Map<Long, Integer> employees = links.resolve(client, batch);
        List<SyncItem> fresh = new ArrayList<>();
        List<SyncItem> changed = new ArrayList<>();
        for (SyncItem i : batch) {
            if (!retryFailed && "failed".equals(i.state())) {
                result.stillFailing++;
                outcomes.put(i.attendanceId(), Outcome.FAILED);
            } else if (!employees.containsKey(i.personRef())) {
                // not Odoo refusing the record: the employee may appear later, so every push tries again
                result.fail("Employee not found: " + i.personId());
                outcomes.put(i.attendanceId(), Outcome.FAILED);
                store.markProblem(i.attendanceId(), "unlinked", "Employee not found: " + i.personId(),
                        clock.instant());
            } else if (i.odooAttendanceId() == null) {
                fresh.add(i);
            } else if (sameTimes(i.checkIn(), i.checkOut(), i.sentCheckIn(), i.sentCheckOut())) {
                result.unchanged++;
                outcomes.put(i.attendanceId(), Outcome.UNCHANGED);
                if (!"synced".equals(i.state())) {
                    store.markSynced(i, i.odooAttendanceId(), clock.instant());
                }
            } else {
                changed.add(i);
            }
        }
        List<SyncItem> toCreate = adoptExisting(client, fresh, employees, changed, result, outcomes);
        Set<String> fields = toCreate.isEmpty() && changed.isEmpty() ? Set.of() : modeFields.of(client);
        Map<Long, PunchModes.Mode> how = fields.isEmpty() ? Map.of() : modes.of(Stream.concat(
                toCreate.stream(), changed.stream()).map(SyncItem::attendanceId).toList());
        // records Odoo holds are corrected first: a check-out written before the employee's next check-in
        // is created, or Odoo would refuse that one ("hasn't checked out since ...")
        update(client, changed, result, outcomes, fields, how);
        create(client, toCreate, employees, result, outcomes, fields, how);
    }

    /** A record Odoo already holds for the same employee and check-in is taken over, not created twice. */
    private List<SyncItem> adoptExisting(OdooClient client, List<SyncItem> fresh, Map<Long, Integer> employees,
                                         List<SyncItem> changed, PushResult result, Map<Long, Outcome> outcomes) {
        if (fresh.isEmpty()) {
            return fresh;
        }
        Instant min = fresh.stream().map(SyncItem::checkIn).min(Instant::compareTo).orElseThrow();
        Instant max = fresh.stream().map(SyncItem::checkIn).max(Instant::compareTo).orElseThrow();
        List<Integer> empIds = fresh.stream().map(i -> employees.get(i.personRef())).distinct().toList();
        List<Map<String, Object>> existing = client.searchRead(MODEL, List.of(List.of("employee_id", "in", empIds),
                List.of("check_in", ">=", min), List.of("check_in", "<=", max)), List.of("id", "employee_id",
                "check_in", "check_out"), 0, null, null, Map.of());
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> r : existing) {
            byKey.put(key(many2oneId(r.get("employee_id")), (Instant) r.get("check_in")), r);
        }
        List<SyncItem> toCreate = new ArrayList<>();
        for (SyncItem i : fresh) {
            Map<String, Object> r = byKey.get(key(employees.get(i.personRef()), i.checkIn()));
            if (r == null) {
                toCreate.add(i);
                continue;
            }
            long odooId = ((Number) r.get("id")).longValue();
            Instant odooOut = r.get("check_out") instanceof Instant t ? t : null;
            store.adopt(i.attendanceId(), odooId, i.checkIn(), odooOut);
            SyncItem adopted = new SyncItem(i.attendanceId(), i.personRef(), i.personId(), i.odooEmployeeId(),
                    i.checkIn(), i.checkOut(), odooId, i.checkIn(), odooOut, i.state());
            if (Objects.equals(odooOut, i.checkOut())) {
                store.markSynced(adopted, odooId, clock.instant());
                result.unchanged++;
                outcomes.put(i.attendanceId(), Outcome.UNCHANGED);
            } else if (odooOut == null) {
                changed.add(adopted);
            } else {
                conflict(i, "Odoo already has attendance " + odooId + " for " + i.personId() + " with this check-in "
                        + "but another check-out; not overwritten", result, outcomes);
            }
        }
        return toCreate;
    }

    private void create(OdooClient client, List<SyncItem> items, Map<Long, Integer> employees, PushResult result,
                        Map<Long, Outcome> outcomes, Set<String> fields, Map<Long, PunchModes.Mode> how) {
        if (items.isEmpty()) {
            return;
        }
        List<Map<String, Object>> values = new ArrayList<>();
        for (SyncItem i : items) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("employee_id", employees.get(i.personRef()));
            v.put("check_in", i.checkIn());
            if (i.checkOut() != null) {
                v.put("check_out", i.checkOut());
            }
            putModes(v, fields, how.get(i.attendanceId()), true, i.checkOut() != null);
            values.add(v);
        }
        try {
            List<Integer> ids = client.create(MODEL, values);
            Instant now = clock.instant();
            for (int k = 0; k < items.size(); k++) {
                store.markSynced(items.get(k), ids.get(k), now);
                result.pushed++;
                outcomes.put(items.get(k).attendanceId(), Outcome.SYNCED);
            }
        } catch (OdooException e) {
            if (!isAboutOneRecord(e)) {
                throw e;
            }
            if (items.size() == 1) {
                fail(items.get(0), items.get(0).personId() + " at " + items.get(0).checkIn() + ": " + e.getMessage(),
                        result, outcomes);
                return;
            }
            int half = items.size() / 2;
            create(client, items.subList(0, half), employees, result, outcomes, fields, how);
            create(client, items.subList(half, items.size()), employees, result, outcomes, fields, how);
        }
    }

    private void update(OdooClient client, List<SyncItem> items, PushResult result, Map<Long, Outcome> outcomes,
                        Set<String> fields, Map<Long, PunchModes.Mode> how) {
        if (items.isEmpty()) {
            return;
        }
        List<Integer> ids = items.stream().map(i -> i.odooAttendanceId().intValue()).toList();
        Map<Long, Map<String, Object>> current = new HashMap<>();
        for (Map<String, Object> r : client.read(MODEL, ids, List.of("id", "check_in", "check_out"))) {
            current.put(((Number) r.get("id")).longValue(), r);
        }
        for (SyncItem i : items) {
            Map<String, Object> r = current.get(i.odooAttendanceId());
            if (r == null) {
                conflict(i, "Attendance " + i.odooAttendanceId() + " of " + i.personId() + " was deleted in Odoo; "
                        + "not recreated", result, outcomes);
                continue;
            }
            Instant odooIn = (Instant) r.get("check_in");
            Instant odooOut = r.get("check_out") instanceof Instant t ? t : null;
            if (sameTimes(odooIn, odooOut, i.checkIn(), i.checkOut())) {
                store.markSynced(i, i.odooAttendanceId(), clock.instant());
                result.unchanged++;
                outcomes.put(i.attendanceId(), Outcome.UNCHANGED);
            } else if (!sameTimes(odooIn, odooOut, i.sentCheckIn(), i.sentCheckOut())) {
                conflict(i, "Attendance " + i.odooAttendanceId() + " of " + i.personId() + " was changed in Odoo "
                        + "since faceclock sent it; not overwritten", result, outcomes);
            } else {
                write(client, i, result, outcomes, fields, how.get(i.attendanceId()));
            }
        }
    }

    private void write(OdooClient client, SyncItem i, PushResult result, Map<Long, Outcome> outcomes,
                       Set<String> fields, PunchModes.Mode mode) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("check_in", i.checkIn());
        v.put("check_out", i.checkOut() == null ? Boolean.FALSE : i.checkOut());
        putModes(v, fields, mode, !i.checkIn().equals(i.sentCheckIn()), i.checkOut() != null
                && !i.checkOut().equals(i.sentCheckOut()));
        try {
            client.write(MODEL, List.of(i.odooAttendanceId().intValue()), v);
            store.markSynced(i, i.odooAttendanceId(), clock.instant());
            result.updated++;
            outcomes.put(i.attendanceId(), Outcome.SYNCED);
        } catch (OdooException e) {
            if (!isAboutOneRecord(e)) {
                throw e;
            }
            fail(i, i.personId() + " at " + i.checkIn() + ": " + e.getMessage(), result, outcomes);
        }
    }

    private void fail(SyncItem i, String error, PushResult result, Map<Long, Outcome> outcomes) {
        result.fail(error);
        outcomes.put(i.attendanceId(), Outcome.FAILED);
        store.markProblem(i.attendanceId(), "failed", error, clock.instant());
    }

    private void conflict(SyncItem i, String error, PushResult result, Map<Long, Outcome> outcomes) {
        result.conflict(error);
        outcomes.put(i.attendanceId(), Outcome.CONFLICT);
        store.markProblem(i.attendanceId(), "conflict", error, clock.instant());
    }

    /**
     * Odoo refused this data (a validation or missing-record error), not the connection, the user or
     * the server (a traceback fault may be a passing server problem: the whole push is retried later).
     */
    static boolean isAboutOneRecord(OdooException e) {
        return switch (e.kind()) {
            case VALIDATION, MISSING_RECORD -> true;
            default -> false;
        };
    }

    private static boolean sameTimes(Instant in1, Instant out1, Instant in2, Instant out2) {
        return Objects.equals(in1, in2) && Objects.equals(out1, out2);
    }

    private static String key(Integer employeeId, Instant checkIn) {
        return employeeId + "@" + checkIn.getEpochSecond();
    }

    private static Integer many2oneId(Object v) {
        return v instanceof List<?> l && !l.isEmpty() ? ((Number) l.get(0)).intValue() : null;
    }
}
