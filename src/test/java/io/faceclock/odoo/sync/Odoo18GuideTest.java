package io.faceclock.odoo.sync;

import io.faceclock.fakeodoo.OdooVersion;

/** The guide's contract against Odoo 18, on embedded H2. */
class Odoo18GuideTest extends OdooGuideBehaviour {

    @Override
    OdooVersion version() {
        return OdooVersion.V18;
    }

    @Override
    String databaseUrl() {
        return null;
    }
}
