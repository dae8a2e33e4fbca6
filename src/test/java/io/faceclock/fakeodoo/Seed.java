package io.faceclock.fakeodoo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The just-installed demo database the transcripts start from: admin uid 2 (admin/admin, Europe/Brussels),
 * 20 employees in 18.0 and 21 in 19.0, 12 / 16 demo attendances, the departments and jobs they use.
 * Employees 1-10 carry Odoo's demo values; the others only need to exist.
 */
final class Seed {

    static final String ADMIN_TZ = "Europe/Brussels";

    private static final String[][] DEPARTMENTS = {
        // id, name, parent id ("" = none)
        {"1", "Administration", "2"}, {"2", "Management", ""}, {"3", "Sales", "2"},
        {"4", "Research & Development", "2"}, {"5", "Long Term Projects", "4"}, {"6", "Quality", "2"},
        {"7", "Professional Services", "2"},
    };

    private static final List<String> JOBS_18 = List.of("Chief Executive Officer", "Chief Technical Officer",
            "Consultant", "Experienced Developer", "Human Resources Manager", "Marketing and Community Manager",
            "Trainee");
    private static final List<String> JOBS_19 = List.of("Chief Technical Officer", "Consultant",
            "Experienced Developer", "Human Resources Manager", "Marketing and Community Manager", "Trainee");

    // name, barcode, work_email, work_phone, department id, job (by name), job_title
    private static final String[][] EMPLOYEES = {
        {"Mitchell Admin", "456", "admin@yourcompany.example.com", "(555)-125-2389", "2", "Chief Executive Officer",
            "Chief Executive Officer"},
        {"Jeffrey Kelly", "", "jeffrey.kelly72@example.com", "(555)-264-7362", "3", "Marketing and Community Manager",
            "Marketing and Community Manager"},
        {"Marc Demo", "", "mark.brown23@example.com", "+3281813700", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Ronnie Hart", "123", "ronnie.hart87@example.com", "(555)-310-7863", "4", "Chief Technical Officer",
            "Team Leader"},
        {"Tina Williamson", "", "tina.williamson98@example.com", "(555)-694-7266", "1", "Human Resources Manager",
            "Human Resources Manager"},
        {"Abigail Peterson", "", "abigail.peterson39@example.com", "(555)-233-3393", "7", "Consultant", "Consultant"},
        {"Audrey Peterson", "", "audrey.peterson25@example.com", "(555)-276-7903", "7", "Consultant", "Consultant"},
        {"Eli Lambert", "", "eli.lambert22@example.com", "(555)-169-1352", "3", "Marketing and Community Manager",
            "Marketing and Community Manager"},
        {"Rachel Perry", "", "jod@odoo.com", "(555)-267-3735", "3", "Marketing and Community Manager",
            "Marketing and Community Manager"},
        {"Keith Byrd", "", "keith.byrd52@example.com", "(555)-505-5146", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Anita Oliver", "", "anita.oliver32@example.com", "(555)-841-2206", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Beth Evans", "", "beth.evans77@example.com", "(555)-760-3492", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Doris Cole", "", "doris.cole31@example.com", "(555)-534-8773", "4", "Consultant", "Consultant"},
        {"Ernest Reed", "", "ernest.reed47@example.com", "(555)-688-2312", "7", "Consultant", "Consultant"},
        {"Jennie Fletcher", "", "jennie.fletcher76@example.com", "(555)-335-6154", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Paul Williams", "", "paul.williams59@example.com", "(555)-912-4451", "3", "Marketing and Community Manager",
            "Marketing and Community Manager"},
        {"Randall Lewis", "", "randall.lewis74@example.com", "(555)-775-6173", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Sharlene Rhodes", "", "sharlene.rhodes49@example.com", "(555)-319-8730", "4", "Trainee", "Trainee"},
        {"Toni Jimenez", "", "toni.jimenez23@example.com", "(555)-121-5593", "7", "Consultant", "Consultant"},
        {"Walter Horton", "", "walter.horton80@example.com", "(555)-429-2134", "4", "Experienced Developer",
            "Experienced Developer"},
        {"Roger Scott", "", "roger.scott21@example.com", "(555)-601-4487", "3", "Marketing and Community Manager",
            "Marketing and Community Manager"},
    };

    /** Groups by external id; base.group_user must be 1 (check_object_reference in the transcripts). */
    static final String[][] GROUPS = {
        {"base.group_user", "Internal User"}, {"base.group_portal", "Portal"}, {"base.group_public", "Public"},
        {"base.group_system", "Settings"}, {"base.group_erp_manager", "Access Rights"},
        {Models.HR_USER, "Officer: Manage all employees"}, {"hr.group_hr_manager", "Administrator"},
        {Models.ATTENDANCE_OFFICER, "Officer: Manage attendances"},
        {"hr_attendance.group_hr_attendance_manager", "Administrator"},
    };

    private Seed() {
    }

    /** Fills db as a fresh demo install whose data was written at seededAt (admin's employee 1 s later). */
    static void load(FakeDb db, Instant seededAt) {
        OdooVersion v = db.version;
        db.seededAt = seededAt;
        for (int i = 0; i < GROUPS.length; i++) {
            Map<String, Object> g = row(i + 1);
            g.put("name", GROUPS[i][1]);
            g.put("full_name", GROUPS[i][1]);
            db.table("res.groups").put(g);
            db.xmlids.put(GROUPS[i][0], i + 1);
        }
        List<Integer> allGroups = new ArrayList<>(db.xmlids.values());
        List<Integer> internal = List.of(db.xmlids.get("base.group_user"));
        // 18.0 has one more built-in user than 19.0, so the first new user is 8 there and 7 here.
        String[][] users = v.v19()
                ? new String[][] {{"__system__", "OdooBot", ""}, {"admin", "Mitchell Admin", "admin"},
                    {"public", "Public user", ""}, {"portaltemplate", "Portal User Template", ""},
                    {"demo", "Marc Demo", "demo"}, {"portal", "Joel Willis", "portal"}}
                : new String[][] {{"__system__", "OdooBot", ""}, {"admin", "Mitchell Admin", "admin"},
                    {"default", "Default User Template", ""}, {"public", "Public user", ""},
                    {"portaltemplate", "Portal User Template", ""}, {"demo", "Marc Demo", "demo"},
                    {"portal", "Joel Willis", "portal"}};
        // Marc Demo may record attendances but holds no Employees rights (rights cases 012-014, 026-028)
        List<Integer> demo = List.of(db.xmlids.get("base.group_user"), db.xmlids.get(Models.ATTENDANCE_OFFICER));
        for (int i = 0; i < users.length; i++) {
            int uid = i + 1;
            boolean usable = !users[i][2].isEmpty();
            db.addUser(uid, users[i][0], users[i][1], usable ? users[i][2] : null,
                    uid == 2 ? allGroups : users[i][0].equals("demo") ? demo : internal, usable ? ADMIN_TZ : null,
                    seededAt);
        }
        for (String[] d : DEPARTMENTS) {
            Map<String, Object> r = row(Integer.parseInt(d[0]));
            r.put("name", d[1]);
            r.put("parent_id", d[2].isEmpty() ? null : Integer.valueOf(d[2]));
            r.put("active", true);
            r.put("write_date", seededAt);
            db.table("hr.department").put(r);
        }
        for (Map<String, Object> r : db.table("hr.department").all()) {
            Integer parent = (Integer) r.get("parent_id");
            r.put("complete_name", parent == null ? r.get("name")
                    : db.table("hr.department").get(parent).get("name") + " / " + r.get("name"));
        }
        List<String> jobs = v.v19() ? JOBS_19 : JOBS_18;
        for (int i = 0; i < jobs.size(); i++) {
            Map<String, Object> r = row(i + 1);
            r.put("name", jobs.get(i));
            r.put("sequence", 10);
            r.put("active", true);
            r.put("write_date", seededAt);
            db.table("hr.job").put(r);
        }
        int count = v.v19() ? 21 : 20;
        for (int i = 0; i < count; i++) {
            String[] e = EMPLOYEES[i];
            Map<String, Object> r = row(i + 1);
            r.put("name", e[0]);
            r.put("barcode", e[1].isEmpty() ? null : e[1]);
            r.put("work_email", e[2]);
            r.put("work_phone", e[3]);
            r.put("department_id", Integer.valueOf(e[4]));
            r.put("job_id", jobs.indexOf(e[5].equals("Chief Executive Officer") && v.v19()
                    ? "Chief Technical Officer" : e[5]) + 1);
            r.put("job_title", e[6]);
            r.put("employee_type", "employee");
            r.put("active", true);
            r.put("create_date", seededAt);
            r.put("write_date", i == 0 ? seededAt.plusSeconds(1) : seededAt);
            db.table("hr.employee").put(r);
        }
        if (v.v19()) {
            // 19.0 demo data differs from 18.0 on these values
            Map<String, Object> admin = db.table("hr.employee").get(1);
            admin.put("work_email", "admin@example.com");
            admin.put("work_phone", "+1 555-555-5555");
            admin.put("job_title", "Chief Technical Officer");
            db.table("hr.employee").get(3).put("work_phone", "(441)-695-2334");
            db.table("hr.employee").get(4).put("job_title", "Chief Technical Officer");
        }
        db.table("hr.employee").get(1).put("user_id", 2);
        db.table("hr.employee").get(3).put("user_id", v.v19() ? 5 : 6);
        // demo attendances: closed days in the week before the install, away from the employees the cases use
        int attendances = v.v19() ? 16 : 12;
        LocalDate day = LocalDate.ofInstant(seededAt, ZoneOffset.UTC).minusDays(attendances + 7L);
        for (int i = 0; i < attendances; i++) {
            Map<String, Object> r = row(i + 1);
            Instant in = day.plusDays(i).atTime(7, 0).toInstant(ZoneOffset.UTC);
            r.put("employee_id", 4 + i % 6);
            r.put("check_in", in);
            r.put("check_out", in.plus(Duration.ofHours(8)));
            r.put("create_date", seededAt);
            r.put("write_date", seededAt);
            db.table("hr.attendance").put(r);
        }
    }

    static Map<String, Object> row(int id) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        return r;
    }
}
