package io.faceclock.api;

/** The API suite on the default embedded H2 database. */
class H2ApiTest extends ApiBehaviour {
    @Override
    protected String databaseUrl() {
        return null;
    }
}
