package io.faceclock.odoo.sync;

import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.TestDatabases;

/** The guide's contract against Odoo 19, on PostgreSQL. */
class Odoo19PostgresGuideTest extends OdooGuideBehaviour {

    @Override
    OdooVersion version() {
        return OdooVersion.V19;
    }

    @Override
    String databaseUrl() {
        return TestDatabases.freshPostgres();
    }
}
