package io.faceclock.fakeodoo;

import java.util.List;
import java.util.stream.Collectors;

/** Who may do what, and Odoo's AccessError texts (they differ between 18.0 and 19.0). */
final class Access {

    private final FakeDb db;

    Access(FakeDb db) {
        this.db = db;
    }

    /** The group that grants an operation on a model, or null when every internal user may. */
    private String groupFor(String model, String operation) {
        boolean read = operation.equals("read");
        return switch (model) {
            // no ACL grants a plain user read on hr.employee (rights cases 008, 022): Odoo serves them the public
            // profile instead, through search_read in 18.0 (007, 013) and not at all in 19.0 (021, 027)
            case "hr.employee" -> Models.HR_USER;
            case "hr.department", "hr.job" -> read ? null : Models.HR_USER;
            case "hr.version" -> Models.HR_USER;
            // reading is allowed, narrowed by a record rule to the user's own attendances
            case "hr.attendance" -> read ? null : Models.ATTENDANCE_OFFICER;
            case "res.users", "res.groups" -> read ? null : "base.group_erp_manager";
            default -> null;
        };
    }

    boolean allowed(int uid, String model, String operation) {
        String g = groupFor(model, operation);
        return g == null || db.inGroup(uid, g);
    }

    void check(int uid, ModelDef model, String operation) {
        if (allowed(uid, model.name(), operation)) {
            return;
        }
        if (model.name().equals("hr.employee") && db.version.v19()) {
            throw Fault.accessError("You do not have enough rights to access the field \"version_id\" on Employee "
                    + "(hr.employee). Please contact your system administrator.\n\nOperation: read\nUser: " + uid
                    + "\nGroups: allowed for groups 'Employees / Officer: Manage all employees'\n\n"
                    + "Implicitly accessed through 'Employee' (hr.employee).");
        }
        String verb = switch (operation) {
            case "create" -> "create";
            case "write" -> "modify";
            case "unlink" -> "delete";
            default -> "access";
        };
        throw Fault.accessError("You are not allowed to " + verb + " '" + model.description() + "' (" + model.name()
                + ") records.\n\nThis operation is allowed for the following groups:\n"
                + groupLines(model.name()) + "\n\nContact your administrator to request access if necessary.");
    }

    private String groupLines(String model) {
        if (model.equals("hr.attendance")) {
            return db.version.v19()
                    ? "\t- Attendances/Administrator\n\t- Attendances/Officer: Manage all attendances\n"
                    + "\t- Officer: Manage attendances"
                    : "\t- Attendances/Administrator\n\t- Technical/Officer: Manage attendances";
        }
        if (model.startsWith("res.")) {
            return "\t- Administration/Access Rights";
        }
        return "\t- Employees/Officer: Manage all employees";
    }

    /** Whether fields_get shows this field to the user (its group, if any, is one of theirs). */
    boolean mayRead(int uid, ModelDef.FieldDef field) {
        return field.group() == null || db.inGroup(uid, field.group());
    }

    /**
     * 19.0 keeps department, job and type on hr.version, which only Employees / Officers may read: reading
     * one of them is refused naming version_id (rights 021, 027), while id and name alone are fine (json2 097).
     */
    void checkPublicProfile(int uid, ModelDef model, List<String> fields) {
        boolean viaVersion = fields.stream().anyMatch(f -> model.has(f) && model.field(f).related() != null
                && model.field(f).related().startsWith("version_id."));
        if (model.name().equals("hr.employee") && viaVersion && !db.inGroup(uid, Models.HR_USER)) {
            throw Fault.accessError("You do not have enough rights to access the field \"version_id\" on Employee "
                    + "(hr.employee). Please contact your system administrator.\n\nOperation: read\nUser: " + uid
                    + "\nGroups: allowed for groups 'Employees / Officer: Manage all employees'\n\n"
                    + "Implicitly accessed through 'Employee' (hr.employee).");
        }
    }

    /** Field-level groups: hr.employee's private fields need Employees / Officer. */
    void checkFields(int uid, ModelDef model, List<String> fields) {
        List<String> denied = fields.stream()
                .filter(f -> model.has(f) && model.field(f).group() != null && !db.inGroup(uid, model.field(f).group()))
                .collect(Collectors.toList());
        if (denied.isEmpty()) {
            return;
        }
        String names = String.join(",", denied);
        if (db.version.v19()) {
            throw Fault.accessError("The fields \u201c" + names + "\u201d, which you are trying to read, are not "
                    + "available for employee public profiles.");
        }
        StringBuilder sb = new StringBuilder("You do not have enough rights to access the fields \"" + names
                + "\" on " + model.description() + " (" + model.name() + "). Please contact your system administrator."
                + "\n\nOperation: read\nUser: " + uid + "\nFields:");
        for (String f : denied) {
            sb.append("\n- ").append(f).append(" (allowed for groups 'Employees / Officer: Manage all employees')");
        }
        throw Fault.accessError(sb.toString());
    }

    /** hr.attendance's record rule for users who are not attendance officers: their own attendances only. */
    boolean seesAllAttendances(int uid) {
        return db.inGroup(uid, Models.ATTENDANCE_OFFICER);
    }
}
