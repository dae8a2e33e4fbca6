package io.faceclock.fakeodoo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One model's rows, keyed by id. A block of ids can be "generated": their rows are computed on demand
 * and only stored once written, so 50,000 synthetic employees cost no memory until touched.
 * Stored values: many2one as Integer id, datetime as Instant, many2many as List of ids, empty as null.
 */
final class Table {

    final ModelDef def;
    private final TreeMap<Integer, Map<String, Object>> rows = new TreeMap<>();
    private final List<Generated> generated = new ArrayList<>();
    private final Set<Integer> deleted = new HashSet<>();
    private int nextId = 1;

    private record Generated(int from, int to, IntFunction<Map<String, Object>> rowFor) {
        boolean covers(int id) {
            return id >= from && id <= to;
        }
    }

    Table(ModelDef def) {
        this.def = def;
    }

    int reserveId() {
        return nextId++;
    }

    int peekNextId() {
        return nextId;
    }

    void setNextId(int id) {
        nextId = Math.max(nextId, id);
    }

    void put(Map<String, Object> row) {
        int id = (Integer) row.get("id");
        rows.put(id, row);
        deleted.remove(id);
        nextId = Math.max(nextId, id + 1);
    }

    /** Reserves count ids whose rows rowFor computes until they are written. */
    void generate(int count, IntFunction<Map<String, Object>> rowFor) {
        int from = nextId;
        nextId += count;
        generated.add(new Generated(from, from + count - 1, rowFor));
    }

    Map<String, Object> get(int id) {
        Map<String, Object> r = rows.get(id);
        if (r != null || deleted.contains(id)) {
            return r;
        }
        for (Generated g : generated) {
            if (g.covers(id)) {
                Map<String, Object> row = g.rowFor().apply(id);
                row.put("id", id);
                return row;
            }
        }
        return null;
    }

    /** The row to change in place (a generated row becomes a stored one). */
    Map<String, Object> forUpdate(int id) {
        Map<String, Object> r = rows.get(id);
        if (r == null) {
            r = get(id);
            if (r != null) {
                r = new HashMap<>(r);
                rows.put(id, r);
            }
        }
        return r;
    }

    void remove(int id) {
        rows.remove(id);
        deleted.add(id);
    }

    /** Every row in id order (generated rows are made on the fly). */
    List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        int cursor = 0;
        for (Generated g : generated) {
            out.addAll(rows.subMap(cursor, true, g.from(), false).values());
            for (int id = g.from(); id <= g.to(); id++) {
                Map<String, Object> r = get(id);
                if (r != null) {
                    out.add(r);
                }
            }
            cursor = g.to() + 1;
        }
        out.addAll(rows.tailMap(cursor, true).values());
        return out;
    }

    /** A deep enough copy for all-or-nothing batches: rows are copied, generated blocks shared. */
    Table copy() {
        Table t = new Table(def);
        rows.forEach((id, r) -> t.rows.put(id, new HashMap<>(r)));
        t.generated.addAll(generated);
        t.deleted.addAll(deleted);
        t.nextId = nextId;
        return t;
    }
}
