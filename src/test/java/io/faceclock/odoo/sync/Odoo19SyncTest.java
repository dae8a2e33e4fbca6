package io.faceclock.odoo.sync;

import io.faceclock.fakeodoo.OdooVersion;

class Odoo19SyncTest extends OdooSyncBehaviour {
    @Override
    OdooVersion version() {
        return OdooVersion.V19;
    }
}
