package io.faceclock.api;

import io.faceclock.api.dto.Done;
import io.faceclock.api.dto.PersonCreated;
import io.faceclock.api.dto.PersonInput;
import io.faceclock.api.dto.PersonPage;
import io.faceclock.api.dto.PersonReply;
import io.faceclock.api.dto.PersonView;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.people.Person;
import io.faceclock.people.PersonFields;
import io.faceclock.people.PersonQuery;
import io.faceclock.people.PersonService;
import io.faceclock.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** /persons: list, read, create, replace, patch, delete. */
public final class PersonApi {

    private static final Pattern PERSON_ID = Person.ID_PATTERN;
    private static final String PERSON_ID_RULE = Person.ID_RULE;
    private static final Set<String> WRITABLE = Set.of("person_id", "name", "email", "phone", "department",
            "position", "metadata", "active", "odoo_employee_id");
    private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "faces", "face_count");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{3,40}");
    private static final String PHONE_RULE = "must be a phone number (digits, spaces, + ( ) . / -)";
    private static final int MAX_PAGE = 500;

    private final PersonService people;
    private final SiteClock clock;

    public PersonApi(PersonService people, SiteClock clock) {
        this.people = people;
        this.clock = clock;
    }

    public PersonPage list(@Header("q") String q, @Header("active") String active,
            @Header("department") String department, @Header("limit") String limit, @Header("offset") String offset) {
        String text = Params.text(q);
        if (text != null && text.length() > 100) {
            throw new InvalidInputException("q", "q is longer than 100 characters");
        }
        PersonQuery query = new PersonQuery(text, Params.bool("active", active), Params.text(department),
                Params.integer("limit", limit, 50, 1, MAX_PAGE), Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
        Page<Person> page = people.page(query);
        List<PersonView> rows = new ArrayList<>(page.rows().size());
        for (Person p : page.rows()) {
            rows.add(view(p));
        }
        return new PersonPage(rows, page.total(), query.limit(), query.offset());
    }

    public PersonReply get(@Header("person_id") String personId) {
        return new PersonReply(view(people.get(checkedPersonId(Params.path("person_id", personId)))));
    }

    public PersonCreated create(Exchange ex) {
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(WRITABLE, READ_ONLY);
        return new PersonCreated(view(people.create(fields(in, null))));
    }

    /** PUT: every writable field as given; absent optional fields are cleared. */
    public PersonReply replace(Exchange ex) {
        String personId = personIdFromPath(ex);
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(WRITABLE, READ_ONLY);
        PersonFields f = fields(in, personId);
        boolean keepOdooId = !in.has("odoo_employee_id");
        return new PersonReply(view(people.update(personId, cur -> keepOdooId ? withOdooId(f, cur.odooEmployeeId()) : f)));
    }

    /** PATCH: only the fields given change; null clears an optional field. */
    public PersonReply patch(Exchange ex) {
        String personId = personIdFromPath(ex);
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(WRITABLE, READ_ONLY);
        // every given field is validated before anything is read or locked
        String newId = in.has("person_id") ? in.matching("person_id", true, PERSON_ID, PERSON_ID_RULE) : null;
        String name = in.has("name") ? in.text("name", true, 255) : null;
        String email = in.email("email");
        String phone = in.matching("phone", false, PHONE, PHONE_RULE);
        String department = in.text("department", false, 255);
        String position = in.text("position", false, 255);
        Map<String, Object> metadata = in.object("metadata");
        Boolean active = in.has("active") ? requireBool(in, "active") : null;
        Long odooId = in.positiveLong("odoo_employee_id");
        return new PersonReply(view(people.update(personId, p -> {
            PersonFields cur = p.fields();
            return new PersonFields(newId != null ? newId : cur.personId(), name != null ? name : cur.name(),
                    in.has("email") ? email : cur.email(), in.has("phone") ? phone : cur.phone(),
                    in.has("department") ? department : cur.department(),
                    in.has("position") ? position : cur.position(), in.has("metadata") ? metadata : cur.metadata(),
                    active != null ? active : cur.active(), in.has("odoo_employee_id") ? odooId : cur.odooEmployeeId());
        })));
    }

    public Done delete(@Header("person_id") String personId) {
        Person p = people.delete(checkedPersonId(Params.path("person_id", personId)));
        return new Done("Person " + p.personId() + " deleted");
    }

    private PersonFields fields(JsonInput in, String pathId) {
        String personId = in.matching("person_id", pathId == null, PERSON_ID, PERSON_ID_RULE);
        PersonInput input = new PersonInput(personId == null ? pathId : personId, in.text("name", true, 255),
                in.email("email"), in.matching("phone", false, PHONE, PHONE_RULE), in.text("department", false, 255),
                in.text("position", false, 255), in.object("metadata"), in.bool("active"),
                in.positiveLong("odoo_employee_id"));
        return input.fields();
    }

    private static boolean requireBool(JsonInput in, String field) {
        Boolean b = in.bool(field);
        if (b == null) {
            throw new InvalidInputException(field, field + " must be true or false, not null");
        }
        return b;
    }

    private static PersonFields withOdooId(PersonFields f, Long odooId) {
        return new PersonFields(f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                f.metadata(), f.active(), odooId);
    }

    static String personIdFromPath(Exchange ex) {
        return checkedPersonId(ApiRequest.of(ex).pathParam("person_id"));
    }

    /** A person_id from a path, a query or a body, refused with 400 unless it follows the rule. */
    static String checkedPersonId(String id) {
        if (!PERSON_ID.matcher(id).matches()) {
            throw new InvalidInputException("person_id", "person_id " + PERSON_ID_RULE + ", got '" + Texts.clip(id) + "'");
        }
        return id;
    }

    private PersonView view(Person p) {
        return PersonView.of(p, clock);
    }
}
