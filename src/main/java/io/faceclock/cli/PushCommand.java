package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.attendance.SiteClock;
import io.faceclock.odoo.sync.PushResult;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", description = "Push the attendances of site days --from..--to to Odoo now")
public final class PushCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();
    @Option(names = "--from", required = true, description = "First day, YYYY-MM-DD")
    LocalDate from;
    @Option(names = "--to", required = true, description = "Last day, YYYY-MM-DD")
    LocalDate to;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        try (FaceclockConfiguration services = FaceclockConfiguration.of(options.resolve())) {
            SiteClock clock = services.siteClock();
            PushResult r = services.odooSync().push(null, clock.startOf(from), clock.startOf(to.plusDays(1)), true);
            System.out.println(r.message());
            r.errors().forEach(e -> System.out.println("  " + e));
            return r.abortedBy() == null && r.failed() == 0 ? 0 : 1;
        }
    }
}
