package io.faceclock.api;

import io.faceclock.support.TestDatabases;

/** The same API suite on PostgreSQL, the choice for big sites. */
class PostgresApiTest extends ApiBehaviour {
    @Override
    protected String databaseUrl() {
        return TestDatabases.freshPostgres();
    }
}
