package io.faceclock.odoo.sync;

import io.faceclock.fakeodoo.OdooVersion;

class Odoo18SyncTest extends OdooSyncBehaviour {
    @Override
    OdooVersion version() {
        return OdooVersion.V18;
    }
}
