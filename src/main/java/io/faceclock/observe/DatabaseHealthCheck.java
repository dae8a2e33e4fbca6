package io.faceclock.observe;

import io.faceclock.store.Database;
import org.apache.camel.health.HealthCheckResultBuilder;

/** The database answers a trivial query. */
public final class DatabaseHealthCheck extends FaceclockHealthCheck {

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        super("database", true);
        this.database = database;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        builder.detail("url", database.displayUrl());
        if (database.ping()) {
            builder.up();
        } else {
            builder.down().message("the database does not answer");
        }
    }
}
