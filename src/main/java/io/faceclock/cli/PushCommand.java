package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.attendance.SiteClock;
import io.faceclock.odoo.sync.PushRange;
import io.faceclock.odoo.sync.PushResult;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", description = "Push the attendances of site days --from..--to to Odoo now "
        + "(default: the last " + PushRange.DEFAULT_DAYS + " days and today, as the API)")
public final class PushCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();
    @Option(names = "--from", description = "First day, YYYY-MM-DD (default: " + PushRange.DEFAULT_DAYS + " days ago)")
    LocalDate from;
    @Option(names = "--to", description = "Last day, YYYY-MM-DD (default: today)")
    LocalDate to;

    @Override
    public Integer call() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        try (FaceclockConfiguration services = CommandServices.open(options.resolve())) {
            SiteClock clock = services.siteClock();
            PushRange range = PushRange.of(from, to, clock.today());
            System.out.println("Pushing the attendances of " + range.from() + " to " + range.to() + " (site days, "
                    + clock.zone().getId() + ")");
            PushResult r;
            try (ProgressBar bar = ProgressBar.forTerminal("attendance records")) {
                r = services.odooSync().push(null, clock.startOf(range.from()), clock.startOf(range.to().plusDays(1)),
                        true, bar.progress());
            }
            System.out.println(r.message());
            r.errors().forEach(e -> System.out.println("  " + e));
            return r.abortedBy() == null && r.failed() == 0 ? 0 : 1;
        }
    }
}
