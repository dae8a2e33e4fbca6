package io.faceclock.app;

import io.faceclock.observe.HealthContributor;
import io.faceclock.store.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health of the database: whether a trivial query answers. */
final class DatabaseHealth implements HealthContributor {

    private final Database database;

    DatabaseHealth(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Map<String, Object> check() {
        boolean up = database.ping();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", up ? "UP" : "DOWN");
        m.put("url", database.displayUrl());
        if (!up) {
            m.put("reason", "the database does not answer");
        }
        return m;
    }
}
