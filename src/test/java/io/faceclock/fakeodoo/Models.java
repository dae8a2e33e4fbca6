package io.faceclock.fakeodoo;

import io.faceclock.fakeodoo.ModelDef.FieldDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models the fake serves, per version. Only what faceclock touches, with Odoo's labels and types. */
final class Models {

    static final String HR_USER = "hr.group_hr_user";
    static final String ATTENDANCE_OFFICER = "hr_attendance.group_hr_attendance_officer";

    private static final List<List<String>> EMPLOYEE_TYPES = List.of(List.of("employee", "Employee"),
            List.of("worker", "Worker"), List.of("student", "Student"), List.of("trainee", "Trainee"),
            List.of("contractor", "Contractor"), List.of("freelance", "Freelancer"));

    private Models() {
    }

    static Map<String, ModelDef> of(OdooVersion v) {
        Map<String, ModelDef> m = new LinkedHashMap<>();
        m.put("hr.employee", employee(v));
        m.put("hr.attendance", new ModelDef.Builder("hr.attendance", "Attendance", "check_in desc")
                .f("employee_id", "many2one", "Employee", "hr.employee", true, false, null)
                .f("check_in", "datetime", "Check In", null, true, false, null)
                .f("check_out", "datetime", "Check Out")
                .f("worked_hours", "float", "Worked Hours", null, false, true, null)
                // how each punch was made, and where (Odoo 17+; shown in the attendance's Check In / Check Out details)
                .put(selection("in_mode", "Mode", MODES))
                .f("in_browser", "char", "Browser")
                .put(selection("out_mode", "Mode", MODES))
                .f("out_browser", "char", "Browser")
                .f("display_name", "char", "Display Name", null, false, true, null)
                .f("create_date", "datetime", "Created on", null, false, true, null)
                .f("write_date", "datetime", "Last Updated on", null, false, true, null)
                .build());
        m.put("res.users", new ModelDef.Builder("res.users", "User", "name, login")
                .f("name", "char", "Name", null, true, false, null)
                .f("login", "char", "Login", null, true, false, null)
                .f("password", "char", "Password")
                .f("active", "boolean", "Active")
                .f("tz", "selection", "Timezone")
                .f(v.v19() ? "group_ids" : "groups_id", "many2many", "Groups", "res.groups", false, false, null)
                .f("share", "boolean", "Share User", null, false, true, null)
                .f("display_name", "char", "Display Name", null, false, true, null)
                .f("write_date", "datetime", "Last Updated on", null, false, true, null)
                .build());
        m.put("res.groups", new ModelDef.Builder("res.groups", "Access Groups", "name")
                .f("name", "char", "Name", null, true, false, null)
                .f("full_name", "char", "Group Name", null, false, true, null)
                .f("display_name", "char", "Display Name", null, false, true, null)
                .build());
        m.put("hr.department", new ModelDef.Builder("hr.department", "Department", "complete_name")
                .f("name", "char", "Department Name", null, true, false, null)
                .f("complete_name", "char", "Complete Name", null, false, true, null)
                .m2o("parent_id", "Parent Department", "hr.department")
                .f("active", "boolean", "Active")
                .f("display_name", "char", "Display Name", null, false, true, null)
                .f("write_date", "datetime", "Last Updated on", null, false, true, null)
                .build());
        m.put("hr.job", new ModelDef.Builder("hr.job", "Job Position", "sequence, name")
                .f("name", "char", "Job Position", null, true, false, null)
                .f("sequence", "integer", "Sequence")
                .f("active", "boolean", "Active")
                .f("display_name", "char", "Display Name", null, false, true, null)
                .f("write_date", "datetime", "Last Updated on", null, false, true, null)
                .build());
        m.put("ir.model.data", new ModelDef.Builder("ir.model.data", "Model Data", "module").build());
        if (v.v19()) {
            m.put("hr.version", new ModelDef.Builder("hr.version", "Version", "id")
                    .m2o("employee_id", "Employee", "hr.employee")
                    .m2o("department_id", "Department", "hr.department")
                    .m2o("job_id", "Job", "hr.job")
                    .f("job_title", "char", "Job Title")
                    .f("employee_type", "selection", "Employee Type")
                    .build());
        }
        return m;
    }

    private static ModelDef employee(OdooVersion v) {
        boolean n = v.v19();
        String viaVersion = n ? "version_id." : null;
        ModelDef.Builder b = new ModelDef.Builder("hr.employee", "Employee", "name")
                .f("name", "char", "Employee Name", null, true, false, "resource_id.name")
                .f("active", "boolean", "Active", null, false, false, "resource_id.active")
                .f("work_phone", "char", "Work Phone")
                .f("mobile_phone", "char", "Work Mobile")
                .f("work_email", "char", "Work Email")
                .put(restricted(new FieldDef("barcode", "char", "Badge ID", null, false, false, true, null, null,
                        null)))
                .put(new FieldDef("department_id", "many2one", "Department", "hr.department", false, false, !n,
                        n ? viaVersion + "department_id" : null, null, null))
                .put(new FieldDef("job_id", "many2one", n ? "Job" : "Job Position", "hr.job", false, false, !n,
                        n ? viaVersion + "job_id" : null, null, null))
                .put(new FieldDef("job_title", "char", "Job Title", null, false, false, !n,
                        n ? viaVersion + "job_title" : null, null, null))
                .put(restricted(new FieldDef("employee_type", "selection", "Employee Type", null, true, false, !n,
                        n ? viaVersion + "employee_type" : null, EMPLOYEE_TYPES, null)))
                .m2o("user_id", "User", "res.users")
                .put(restricted(new FieldDef("pin", "char", "PIN", null, false, false, true, null, null, null)))
                .f("display_name", "char", "Display Name", null, false, true, null)
                .f("create_date", "datetime", "Created on", null, false, true, null)
                .f("write_date", "datetime", "Last Updated on", null, false, true, null);
        if (n) {
            b.put(restricted(new FieldDef("version_id", "many2one", "Current Version", "hr.version", false, false, true,
                    null, null, null)));
        }
        return b.build();
    }

    static final List<String> ATTENDANCE_MODE_FIELDS = List.of("in_mode", "in_browser", "out_mode", "out_browser");
    private static final List<List<String>> MODES = List.of(List.of("kiosk", "Kiosk"), List.of("systray", "Systray"),
            List.of("manual", "Manual"), List.of("technical", "Technical"));

    private static FieldDef selection(String name, String label, List<List<String>> values) {
        return new FieldDef(name, "selection", label, null, false, false, true, null, values, null);
    }

    /** A model without some of its fields, like an older Odoo that never had them. */
    static ModelDef without(ModelDef def, List<String> fields) {
        Map<String, FieldDef> kept = new LinkedHashMap<>(def.fields());
        kept.keySet().removeAll(fields);
        return new ModelDef(def.name(), def.description(), def.defaultOrder(), java.util.Collections.unmodifiableMap(kept));
    }

    private static FieldDef restricted(FieldDef f) {
        return new FieldDef(f.name(), f.type(), f.label(), f.relation(), f.required(), f.readonly(), f.store(),
                f.related(), f.selection(), HR_USER);
    }
}
