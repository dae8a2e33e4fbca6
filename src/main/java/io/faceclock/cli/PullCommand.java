package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.odoo.sync.PullResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pull", description = "Pull employees from Odoo now (incremental unless --full)")
public final class PullCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();
    @Option(names = "--full", description = "Re-read every employee")
    boolean full;
    @Option(names = "--limit", description = "At most this many employees")
    Integer limit;

    @Override
    public Integer call() {
        try (FaceclockConfiguration services = CommandServices.open(options.resolve())) {
            PullResult r;
            try (ProgressBar bar = ProgressBar.forTerminal("employees")) {
                r = services.odooSync().pull(null, limit, full, bar.progress());
            }
            System.out.println(r.message());
            r.errors().forEach(e -> System.out.println("  " + e));
            return 0;
        }
    }
}
