package io.faceclock.odoo.sync;

import io.faceclock.fakeodoo.OdooVersion;
import java.util.Map;

/** The same behaviour over Odoo 19's JSON-2 API (bearer API key), the way past XML-RPC's removal in 22. */
class Odoo19Json2SyncTest extends OdooSyncBehaviour {

    @Override
    OdooVersion version() {
        return OdooVersion.V19;
    }

    @Override
    Map<String, String> transportSettings() {
        return Map.of("faceclock.odoo.protocol", "json2");
    }

    @Override
    String secretOf(int uid, String password) {
        String key = String.format("0123456789abcdef%024x", uid);
        odoo.addApiKey(uid, key);
        return key;
    }
}
