package io.faceclock.api;

import io.faceclock.api.dto.Done;
import io.faceclock.api.dto.PersonCreated;
import io.faceclock.api.dto.PersonInput;
import io.faceclock.api.dto.PersonPage;
import io.faceclock.api.dto.PersonPatch;
import io.faceclock.api.dto.PersonReply;
import io.faceclock.api.dto.PersonReplacement;
import io.faceclock.api.dto.PersonView;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.people.Person;
import io.faceclock.people.PersonQuery;
import io.faceclock.people.PersonService;
import io.faceclock.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Header;

/** /persons: list, read, create, replace, patch, delete. */
public final class PersonApi {

    private static final Pattern PERSON_ID = Person.ID_PATTERN;
    private static final String PERSON_ID_RULE = Person.ID_RULE;
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
        return new PersonReply(view(people.get(pathPersonId(personId))));
    }

    public PersonCreated create(PersonInput input) {
        return new PersonCreated(view(people.create(input.fields())));
    }

    /** PUT: every writable field as given; absent optional fields are cleared. */
    public PersonReply replace(PersonReplacement input, @Header("person_id") String personId) {
        String id = pathPersonId(personId);
        return new PersonReply(view(people.update(id, cur -> input.replacing(id, cur.fields()))));
    }

    /** PATCH: only the fields given change; null clears an optional field. */
    public PersonReply patch(PersonPatch change, @Header("person_id") String personId) {
        return new PersonReply(view(people.update(pathPersonId(personId),
                p -> change.applyTo(p.fields()))));
    }

    public Done delete(@Header("person_id") String personId) {
        Person p = people.delete(pathPersonId(personId));
        return new Done("Person " + p.personId() + " deleted");
    }

    /** The {person_id} of a path, refused with 400 unless it follows the rule. */
    static String pathPersonId(String param) {
        return checkedPersonId(Params.path("person_id", param));
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
