package io.faceclock.api;

import io.faceclock.api.dto.EnrolmentPage;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.store.EnrolmentStore;
import io.faceclock.store.EnrolmentStore.Coverage;
import io.faceclock.store.Page;
import java.util.Set;
import org.apache.camel.Header;

/** /enrolment: people with how many face templates each has, and who has none or too few. */
public final class EnrolmentApi {

    private static final Set<String> FACES = Set.of("none", "too_few", "enough");

    private final EnrolmentStore store;
    private final int enough;

    public EnrolmentApi(EnrolmentStore store, int enough) {
        this.store = store;
        this.enough = enough;
    }

    public EnrolmentPage list(@Header("q") String q, @Header("department") String department,
                              @Header("faces") String faces, @Header("active") String active,
                              @Header("limit") String limit, @Header("offset") String offset) {
        String facesText = Params.text(faces);
        if (facesText != null && !FACES.contains(facesText)) {
            throw new InvalidInputException("faces", "faces must be none, too_few or enough, got '"
                    + Texts.clip(facesText) + "'");
        }
        String text = longest("q", Params.text(q), 100);
        String dept = longest("department", Params.text(department), 255);
        Boolean activeOnly = Params.bool("active", active);
        int max = Params.integer("limit", limit, 50, 1, 500);
        int skip = Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        Page<Coverage> page = store.page(new EnrolmentStore.Query(text, dept, activeOnly == null ? Boolean.TRUE
                : activeOnly, facesText, enough, max, skip));
        return new EnrolmentPage(page.rows().stream().map(this::row).toList(), page.total(), max, skip, enough,
                store.departments());
    }

    private static String longest(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(name, name + " is longer than " + max + " characters");
        }
        return value;
    }

    private EnrolmentPage.Row row(Coverage c) {
        return new EnrolmentPage.Row(c.personId(), c.name(), c.department(), c.active(), c.faces(),
                c.faces() == 0 ? "none" : c.faces() < enough ? "too_few" : "enough");
    }
}
