package io.faceclock.odoo.sync;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.config.OdooSettings;
import io.faceclock.errors.ConflictException;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.odoo.OdooConnection;
import io.faceclock.security.SecretBox;
import io.faceclock.store.Jdbc;
import io.faceclock.store.SettingStore;
import io.faceclock.store.SyncStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Odoo configuration lives. Settings (FACECLOCK_ODOO_URL, …) win over the one saved
 * through the API, so an operator's deployment cannot be changed from outside; the saved password
 * is encrypted at rest and never returned.
 */
public final class OdooConfigService {

    private static final String SAVED = "odoo.config.";

    private final OdooSettings settings;
    private final SettingStore store;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final Clock clock;
    private final Jdbc jdbc;
    private final SyncStore syncStore;

    public OdooConfigService(OdooSettings settings, SettingStore store, SecretBox secrets, AuditLog audit, Clock clock,
                             Jdbc jdbc, SyncStore syncStore) {
        this.settings = settings;
        this.store = store;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.syncStore = syncStore;
    }

    public Optional<OdooConfig> current() {
        if (settings.configured()) {
            return Optional.of(new OdooConfig(settings.url(), orEmpty(settings.db()), orEmpty(settings.username()),
                    orEmpty(settings.password()), "environment"));
        }
        // one read of all four, written in one transaction: never a new url beside an old password
        Map<String, String> saved = store.withPrefix(SAVED);
        String url = saved.get(SAVED + "url");
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new OdooConfig(url, saved.getOrDefault(SAVED + "db", ""),
                saved.getOrDefault(SAVED + "username", ""), secrets.decrypt(saved.getOrDefault(SAVED + "password", "")),
                "saved"));
    }

    public boolean fromEnvironment() {
        return settings.configured();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Saves the configuration. Pointing faceclock at another Odoo (url or database) forgets every Odoo
     * id it remembers, in the same transaction: they belong to the old database.
     */
    public void save(OdooConfig config, String actor) {
        if (fromEnvironment()) {
            throw new ConflictException("url", "Odoo is configured by settings (FACECLOCK_ODOO_URL and the others), "
                    + "which win over a saved configuration; change it there");
        }
        var now = clock.instant();
        Optional<OdooConfig> before = current();
        String password = secrets.encrypt(config.password());
        jdbc.inTransaction(c -> {
            if (before.isPresent() && !OdooSyncService.sameOdoo(before.get(), config)) {
                syncStore.forgetOdoo(c);
                audit.write(c, AuditLog.CONFIG, LogLevel.WARNING, "Odoo changed from " + before.get().url() + " ("
                        + before.get().db() + ") to " + config.url() + " (" + config.db() + "): Odoo ids forgotten; "
                        + "the next pull links people again by badge and the next push sends every attendance",
                        Map.of("from", before.get().url(), "to", config.url(), "by", actor));
            }
            store.put(c, SAVED + "url", config.url(), now);
            store.put(c, SAVED + "db", config.db(), now);
            store.put(c, SAVED + "username", config.username(), now);
            store.put(c, SAVED + "password", password, now);
            return null;
        });
        audit.write(AuditLog.CONFIG, LogLevel.INFO, "Odoo configuration saved: " + config.url() + ", database "
                + config.db() + ", user " + config.username(), Map.of("url", config.url(), "db", config.db(),
                "username", config.username(), "by", actor));
    }

    /** How to reach Odoo with this configuration: timeouts, TLS and the response cap from settings. */
    public OdooConnection connection(OdooConfig config) {
        OdooConnection c;
        try {
            c = OdooConnection.of(config.url(), config.db(), config.username(), config.password());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", e.getMessage());
        }
        c = c.withTimeouts(settings.connectTimeout(), settings.callTimeout());
        if (settings.trustStore() != null) {
            c = c.withTrustStore(settings.trustStore(), settings.trustStorePassword());
        }
        if (!settings.verifyTls()) {
            c = c.withoutTlsVerification();   // the client warns loudly, once
        }
        return c;
    }
}
