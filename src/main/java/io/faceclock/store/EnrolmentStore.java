package io.faceclock.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How many face templates each person has, for the enrolment page: who has none or too few. */
public final class EnrolmentStore {

    /** A person and their template count. */
    public record Coverage(String personId, String name, String department, boolean active, int faces) {
    }

    /** Filters (null: any) and a page; faces "none", "too_few" (1 to enough-1) or "enough". */
    public record Query(String text, String department, Boolean active, String faces, int enough, int limit,
                        int offset) {
    }

    private final Jdbc jdbc;

    public EnrolmentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Coverage> page(Query q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.text() != null) {
            String like = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add("(p.name ILIKE ? ESCAPE '\\' OR p.person_id ILIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
        }
        if (q.department() != null) {
            where.add("LOWER(p.department) = ?");
            args.add(q.department().toLowerCase(Locale.ROOT));
        }
        if (q.active() != null) {
            where.add("p.active = ?");
            args.add(q.active());
        }
        String counted = "SELECT p.person_id, p.name, p.department, p.active, "
                + "(SELECT COUNT(*) FROM face_template f WHERE f.person_ref = p.id) AS faces FROM person p"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        String having = switch (q.faces() == null ? "" : q.faces()) {
            case "none" -> " WHERE c.faces = 0";
            case "too_few" -> " WHERE c.faces > 0 AND c.faces < " + q.enough();
            case "enough" -> " WHERE c.faces >= " + q.enough();
            default -> "";
        };
        String from = " FROM (" + counted + ") c" + having;
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.limit());
        pageArgs.add(q.offset());
        return jdbc.read(c -> new Page<>(
                Jdbc.query(c, "SELECT c.person_id, c.name, c.department, c.active, c.faces" + from
                                + " ORDER BY c.name, c.person_id LIMIT ? OFFSET ?",
                        rs -> new Coverage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                rs.getInt(5)), pageArgs.toArray()),
                Jdbc.queryOne(c, "SELECT COUNT(*)" + from, rs -> rs.getLong(1), args.toArray()).orElse(0L)));
    }

    /** Every department named on a person, sorted, for the filter. */
    public List<String> departments() {
        return jdbc.query("SELECT DISTINCT department FROM person WHERE department IS NOT NULL AND department <> '' "
                + "ORDER BY department", rs -> rs.getString(1));
    }
}
