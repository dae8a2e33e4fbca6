package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A schedule reading the Odoo configuration while someone saves another never sees half of each. */
class SavedConfigurationTest {

    @Test
    void reading_while_saving_sees_one_whole_configuration_or_the_other() throws Exception {
        Map<String, String> base = Map.of(Settings.DATA_DIR, Files.createTempDirectory("faceclock-config").toString());
        try (FaceclockConfiguration beans = FaceclockConfiguration.of(Settings.of(base))) {
            OdooConfigService configs = beans.odooSync().configs();
            OdooConfig first = new OdooConfig("http://odoo-a.example", "a", "ann", "secret-a", "saved");
            OdooConfig second = new OdooConfig("http://odoo-a.example", "a", "bob", "secret-b", "saved");
            configs.save(first, "test");
            AtomicBoolean saving = new AtomicBoolean(true);
            CompletableFuture<Void> saver = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 300; i++) {
                    configs.save(i % 2 == 0 ? second : first, "test");
                }
                saving.set(false);
            });
            List<String> wrong = new ArrayList<>();
            int reads = 0;
            while (saving.get() || reads == 0) {
                OdooConfig seen = configs.current().orElseThrow();
                reads++;
                boolean whole = seen.username().equals("ann") ? seen.password().equals("secret-a")
                        : seen.username().equals("bob") && seen.password().equals("secret-b");
                if (!whole && wrong.size() < 5) {
                    wrong.add(seen.username() + " with " + seen.password());
                }
            }
            saver.get();
            assertEquals(List.of(), wrong, "half-saved configurations seen in " + reads + " reads");
            assertTrue(reads > 10, "read while saving: " + reads);
        }
    }
}
