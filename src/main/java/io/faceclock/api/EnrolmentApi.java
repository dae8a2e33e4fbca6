package io.faceclock.api;

import io.faceclock.store.EnrolmentStore;
import io.faceclock.store.EnrolmentStore.Coverage;
import io.faceclock.store.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** /enrolment: people with how many face templates each has, and who has none or too few. */
public final class EnrolmentApi {

    private static final Set<String> FACES = Set.of("none", "too_few", "enough");

    private final EnrolmentStore store;
    private final int enough;

    public EnrolmentApi(EnrolmentStore store, int enough) {
        this.store = store;
        this.enough = enough;
    }

    public void list(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String faces = req.query("faces");
        if (faces != null && !FACES.contains(faces)) {
            throw ApiException.badRequest("faces", "faces must be none, too_few or enough, got '" + Texts.clip(faces)
                    + "'");
        }
        String text = req.query("q");
        if (text != null && text.length() > 100) {
            throw ApiException.badRequest("q", "q is longer than 100 characters");
        }
        String department = req.query("department");
        if (department != null && department.length() > 255) {
            throw ApiException.badRequest("department", "department is longer than 255 characters");
        }
        Boolean active = req.queryBool("active");
        int limit = req.queryInt("limit", 50, 1, 500);
        int offset = req.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        Page<Coverage> page = store.page(new EnrolmentStore.Query(text, department, active == null ? Boolean.TRUE
                : active, faces, enough, limit, offset));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.rows().stream().map(this::json).toList());
        body.put("total", page.total());
        body.put("limit", limit);
        body.put("offset", offset);
        body.put("enough", enough);
        body.put("departments", store.departments());
        Responses.ok(ex, body);
    }

    private Map<String, Object> json(Coverage c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", c.personId());
        m.put("name", c.name());
        m.put("department", c.department());
        m.put("active", c.active());
        m.put("faces", c.faces());
        m.put("enrolment", c.faces() == 0 ? "none" : c.faces() < enough ? "too_few" : "enough");
        return m;
    }
}
